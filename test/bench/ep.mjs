// The EP's amendments to the AI Act (P9_TA(2023)0236: 2.7 MB, 771 amendments)
// and to the DSA (P9_TA(2022)0014) read and applied to their proposals.
// Skips without ../shared/corpus.
//
// Each run is a fresh process, measured cold (its first read and apply, as
// the CLI does them): the wall-clock time of reading and of applying (the
// proposal's import not counted) and the process's CPU time for both (on a
// shared machine the wall clock also counts the time other processes ran).
// Prints the median of BENCH_REPEAT runs (default 5). With BENCH_BASELINE set
// to another built checkout of redlex (e.g. a git worktree of main), its runs
// alternate with this checkout's and the ratios of the medians are printed —
// the way to measure a change on a machine whose load moves.
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
const cases = [
  ['AI Act', 'ai-act/ep-amendments-2023.html', 'ai-act/proposal-com-2021-206.xhtml'],
  ['DSA', 'dsa/ep-amendments-2022.html', 'dsa/proposal-com-2020-825.xhtml']
]

if (process.env.BENCH_CHILD) await child()
else parent()

/** One cold measurement of every case, with the checkout at BENCH_ROOT; prints JSON. */
async function child() {
  const dist = (name) => pathToFileURL(`${process.env.BENCH_ROOT}packages/${name}/dist/index.js`).href
  const {applyEpText, readEpText} = await import(dist('ep'))
  const {importDocument} = await import(dist('formats'))
  const out = []
  for (const [name, epFile, proposalFile] of cases) {
    const html = readFileSync(corpus + epFile, 'utf8')
    const proposal = importDocument(readFileSync(corpus + proposalFile, 'utf8'), {file: proposalFile}).document
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const text = readEpText(html, {file: epFile})
    const t1 = performance.now()
    const {report} = applyEpText(proposal, text)
    const t2 = performance.now()
    const cpu = process.cpuUsage(cpu0)
    out.push({
      name,
      mb: html.length / 1e6,
      total: report.total,
      applied: report.applied,
      read: t1 - t0,
      apply: t2 - t1,
      cpu: (cpu.user + cpu.system) / 1000
    })
  }
  console.log(JSON.stringify(out))
}

function parent() {
  if (!existsSync(corpus)) {
    console.log('ep: ../shared/corpus is absent; skipped')
    return
  }
  const here = fileURLToPath(new URL('../../', import.meta.url))
  const baseline = process.env.BENCH_BASELINE
    ? fileURLToPath(new URL(process.env.BENCH_BASELINE.replace(/\/?$/, '/'), pathToFileURL(process.cwd() + '/')))
    : undefined
  const roots = baseline ? [here, baseline] : [here]
  const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 5))
  const runs = new Map(roots.map((r) => [r, []]))
  for (let i = 0; i < repeat; i++) {
    for (const root of roots) {
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
        env: {...process.env, BENCH_CHILD: '1', BENCH_ROOT: root},
        encoding: 'utf8',
        maxBuffer: 1 << 24
      })
      if (run.status !== 0) throw new Error(`ep bench child failed (${root}):\n${run.stderr}`)
      runs.get(root).push(JSON.parse(run.stdout.trim().split('\n').pop()))
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const summary = (root, name) => {
    const all = runs.get(root).map((r) => r.find((c) => c.name === name))
    return {
      ...all[0],
      read: median(all.map((c) => c.read)),
      apply: median(all.map((c) => c.apply)),
      wall: median(all.map((c) => c.read + c.apply)),
      cpu: median(all.map((c) => c.cpu))
    }
  }
  for (const [name] of cases) {
    const now = summary(here, name)
    console.log(
      `ep ${name}: ${now.mb.toFixed(1)} MB, ${now.total} amendments (${now.applied} applied), cold, median of ${repeat}: read ${now.read.toFixed(0)} ms + apply ${now.apply.toFixed(0)} ms = ${now.wall.toFixed(0)} ms wall, ${now.cpu.toFixed(0)} ms CPU`
    )
    if (baseline) {
      const base = summary(baseline, name)
      console.log(
        `  baseline ${baseline}: ${base.applied} applied: read ${base.read.toFixed(0)} ms + apply ${base.apply.toFixed(0)} ms = ${base.wall.toFixed(0)} ms wall, ${base.cpu.toFixed(0)} ms CPU; this / baseline: wall ${(now.wall / base.wall).toFixed(2)}, CPU ${(now.cpu / base.cpu).toFixed(2)}`
      )
    }
  }
}
