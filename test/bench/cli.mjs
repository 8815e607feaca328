// The whole `redlex` command as a user runs it, in fresh processes:
// `redlex --help`, and `redlex compare` of the DSA proposal (Cellar XHTML)
// with the adopted act (Formex) to HTML — start-up, both imports, the
// comparison and the rendering. Prints the median CPU (user + system) and
// wall time of BENCH_REPEAT runs (default 5). Needs ../shared/corpus for the DSA pair.
//
// BENCH_BASELINE=<another built checkout> (e.g. a `git worktree` of an earlier commit) runs its
// command too, alternating with this one's run by run, and prints the ratios of the medians: on a
// machine whose load moves, the way to see what a change did (CPU time is the steadier figure).
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const wrapper = fileURLToPath(new URL('cli-process.mjs', import.meta.url))
const corpus = fileURLToPath(new URL('../../../shared/corpus/dsa/', import.meta.url))
const repeat = Number(process.env.BENCH_REPEAT ?? 5)
const baseline = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : undefined
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** One run of the command in a fresh process: its CPU and wall time in seconds. */
function runOnce(label, args, bin) {
  const env = bin ? {...process.env, BENCH_CLI: bin} : process.env
  const started = performance.now()
  const run = spawnSync(process.execPath, [wrapper, ...args], {encoding: 'utf8', maxBuffer: 256 << 20, env})
  const wall = (performance.now() - started) / 1000
  if (run.status !== 0) throw new Error(`${label}: exit ${run.status}\n${run.stderr}`)
  const {user, system} = JSON.parse(/cpu (\{.*\})\s*$/.exec(run.stderr)[1])
  return {cpu: (user + system) / 1e6, wall}
}

function time(label, args) {
  const sides = baseline ? {this: undefined, baseline: join(baseline, 'packages/cli/bin/redlex.js')} : {this: undefined}
  const runs = Object.fromEntries(Object.keys(sides).map((side) => [side, {cpu: [], wall: []}]))
  for (let i = 0; i < repeat; i++) {
    for (const [side, bin] of Object.entries(sides)) {
      const {cpu, wall} = runOnce(label, args, bin)
      runs[side].cpu.push(cpu)
      runs[side].wall.push(wall)
    }
  }
  const figures = (side) =>
    `cpu ${median(runs[side].cpu).toFixed(2)} s   wall ${median(runs[side].wall).toFixed(2)} s   (median of ${repeat})`
  if (!baseline) {
    console.log(`${label.padEnd(52)} ${figures('this')}`)
    return
  }
  const ratio = (key) => (median(runs.this[key]) / median(runs.baseline[key])).toFixed(2)
  console.log(label)
  console.log(`  this       ${figures('this')}`)
  console.log(`  baseline   ${figures('baseline')}`)
  console.log(`  this/baseline  cpu ×${ratio('cpu')}   wall ×${ratio('wall')}`)
}

if (baseline) console.log(`baseline: ${baseline}`)
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
