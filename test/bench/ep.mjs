// The EP's amendments to the AI Act (P9_TA(2023)0236: 2.7 MB, 771 amendments)
// read and applied to the proposal COM(2021) 206. Skips without ../shared/corpus.
// Prints the median of 3 runs of each step (after one warm-up run), in ms of
// wall-clock time, and the process's CPU time for the same runs (on a shared
// machine the wall clock also counts the time other processes ran).
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {applyEpText, readEpText} from '@redlex/ep'
import {importDocument} from '@redlex/formats'

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
const cases = [
  ['AI Act', 'ai-act/ep-amendments-2023.html', 'ai-act/proposal-com-2021-206.xhtml'],
  ['DSA', 'dsa/ep-amendments-2022.html', 'dsa/proposal-com-2020-825.xhtml']
]
if (!existsSync(corpus)) console.log('ep: ../shared/corpus is absent; skipped')
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
for (const [name, epFile, proposalFile] of existsSync(corpus) ? cases : []) {
  const html = readFileSync(corpus + epFile, 'utf8')
  const source = readFileSync(corpus + proposalFile, 'utf8')
  const proposal = importDocument(source, {file: proposalFile}).document
  const times = {read: [], apply: [], cpu: []}
  let report
  for (let run = 0; run < 4; run++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const text = readEpText(html, {file: epFile})
    const t1 = performance.now()
    report = applyEpText(proposal, text).report
    const t2 = performance.now()
    const cpu = process.cpuUsage(cpu0)
    if (run > 0) {
      times.read.push(t1 - t0)
      times.apply.push(t2 - t1)
      times.cpu.push((cpu.user + cpu.system) / 1000)
    }
  }
  const read = median(times.read)
  const apply = median(times.apply)
  console.log(
    `ep ${name}: ${(html.length / 1e6).toFixed(1)} MB, ${report.total} amendments (${report.applied} applied): read ${read.toFixed(0)} ms + apply ${apply.toFixed(0)} ms = ${(read + apply).toFixed(0)} ms (CPU ${median(times.cpu).toFixed(0)} ms)`
  )
}
