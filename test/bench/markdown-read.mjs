// Benchmark: reading hostile Markdown takes time proportional to its length
// (packages/markdown/src/lib/budget.ts). Not a test; inputs generated here.
// Run after a build:
//
//   npx tsc -b tsconfig.build.json && node test/bench/markdown-read.mjs
//
// For each family of adversarial input and each size (BENCH_MD_SIZES, KB,
// default 32,128,512) it prints the parse time (median of 3, CPU of this
// process) and µs per KB, or the error code when the input is refused, and
// at the end each family's ratio of µs/KB at the largest size to the
// smallest: ~1 means linear, 4 per ×4 of size would be quadratic.
// BENCH_MD_BASELINE=1 reads with micromark's own constructs and no limits
// (the behaviour before), for comparison — its quadratic families take
// minutes at 512 KB, so use small sizes with it.
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const processor = await import(pathToFileURL(`${root}packages/markdown/dist/lib/processor.js`).href)
const parse = process.env.BENCH_MD_BASELINE ? processor.createMdastParser({linear: false}) : processor.parseMdast
const sizes = (process.env.BENCH_MD_SIZES ?? '32,128,512').split(',').map((kb) => Number(kb) * 1024)

/** Repeat `unit` (a function of the repetition count) until the text is about `bytes` long. */
const grow = (make, bytes) => {
  const one = make(1).length
  return make(Math.max(1, Math.floor(bytes / one)))
}

const families = {
  'plain words (one paragraph)': (n) => 'word '.repeat(n),
  paragraphs: (n) => 'The provider shall publish a report.\n\n'.repeat(n),
  'stray [ then words': (n) => '[ ' + 'word a@b.eu www.x.eu '.repeat(n),
  'a] a] a] (no [)': (n) => 'a] '.repeat(n),
  'nested links': (n) => '['.repeat(n) + 'x' + '](u)'.repeat(n),
  'nested emphasis': (n) => '*'.repeat(n) + 'x' + '*'.repeat(n),
  'emphasis alternating': (n) => '*a _'.repeat(n) + 'x' + '_ a*'.repeat(n),
  'flat emphasis': (n) => '*a* '.repeat(n),
  'footnote calls': (n) => '[^1] '.repeat(n) + '\n\n[^1]: x\n',
  'block quotes': (n) => '> '.repeat(n) + 'x',
  'quoted lines': (n) => '> > > x\n'.repeat(n),
  'HTML comments': (n) => '<!-- '.repeat(n) + 'x' + ' -->'.repeat(n),
  'table rows': (n) => '| a | b |\n|---|---|\n' + '| *a* ] | [x |\n'.repeat(n),
  'e-mail addresses': (n) => 'a@b.eu '.repeat(n),
  'escaped marks': (n) => '\\[ \\* \\_ '.repeat(n),
  'long line of points': (n) => '(a) x (b) y '.repeat(n)
}

const cpu = () => {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
}

const ratios = []
for (const [name, make] of Object.entries(families)) {
  const perKb = []
  for (const bytes of sizes) {
    const text = grow(make, bytes)
    const times = []
    let outcome = 'read'
    for (let run = 0; run < 3; run++) {
      const start = cpu()
      try {
        parse(text)
      } catch (error) {
        outcome = error.code ?? error.name
      }
      times.push(cpu() - start)
    }
    const ms = times.sort((a, b) => a - b)[1]
    perKb.push((ms * 1000) / (text.length / 1024))
    console.log(
      `${name.padEnd(28)} ${String(Math.round(text.length / 1024)).padStart(5)} KB ${ms.toFixed(0).padStart(7)} ms ` +
        `${((ms * 1000) / (text.length / 1024)).toFixed(0).padStart(7)} µs/KB  ${outcome}`
    )
  }
  ratios.push([name, perKb.at(-1) / perKb[0]])
}
console.log('\nµs/KB at the largest size ÷ at the smallest (1 = linear):')
for (const [name, ratio] of ratios) console.log(`  ${name.padEnd(28)} ${ratio.toFixed(2)}`)
