// The whole `redlex` command as a user runs it, in fresh processes:
// `redlex --help`, and `redlex compare` of the DSA proposal (Cellar XHTML)
// with the adopted act (Formex) to HTML — start-up, both imports, the
// comparison and the rendering. Prints the median CPU (user + system) and
// wall time of BENCH_REPEAT runs (default 5). Needs ../shared/corpus for the DSA pair.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const wrapper = fileURLToPath(new URL('cli-process.mjs', import.meta.url))
const corpus = fileURLToPath(new URL('../../../shared/corpus/dsa/', import.meta.url))
const repeat = Number(process.env.BENCH_REPEAT ?? 5)
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function time(label, args) {
  const cpu = []
  const wall = []
  for (let i = 0; i < repeat; i++) {
    const started = performance.now()
    const run = spawnSync(process.execPath, [wrapper, ...args], {encoding: 'utf8', maxBuffer: 256 << 20})
    wall.push((performance.now() - started) / 1000)
    if (run.status !== 0) throw new Error(`${label}: exit ${run.status}\n${run.stderr}`)
    const {user, system} = JSON.parse(/cpu (\{.*\})\s*$/.exec(run.stderr)[1])
    cpu.push((user + system) / 1e6)
  }
  console.log(
    `${label.padEnd(52)} cpu ${median(cpu).toFixed(2)} s   wall ${median(wall).toFixed(2)} s   (median of ${repeat})`
  )
}

time('redlex --help', ['--help'])
if (existsSync(corpus)) {
  const out = mkdtempSync(join(tmpdir(), 'redlex-bench-'))
  time('redlex compare DSA proposal → Regulation, --format html', [
    'compare',
    join(corpus, 'proposal-com-2020-825.xhtml'),
    join(corpus, 'final-formex.xml'),
    '--format',
    'html',
    '-o',
    join(out, 'dsa.html')
  ])
  rmSync(out, {recursive: true, force: true})
} else {
  console.log('../shared/corpus is not here: the DSA run is skipped.')
}
