// Compare two real versions of an act from ../shared/corpus (when present):
// the Digital Services Act proposal COM(2020) 825 (Cellar XHTML) with the
// adopted Regulation (EU) 2022/2065 (Formex). Writes comparison.html and
// comparison.json to examples/real-versions/out/.
//   node examples/real-versions/run.mjs            (after `npx -y pnpm@10 build`)
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {writeAtomic} from '@redlex/cli'
import {compareDocuments} from '@redlex/compare'
import {importDocument} from '@redlex/formats'
import {toHtml} from '@redlex/render-html'

const corpus = new URL('../../../shared/corpus/dsa/', import.meta.url)
if (!existsSync(corpus)) {
  console.log('../shared/corpus is not here; nothing to compare.')
  process.exit(0)
}

const load = (name) => importDocument(readFileSync(new URL(name, corpus), 'utf8'), {file: name}).document
const proposal = load('proposal-com-2020-825.xhtml')
const adopted = load('final-formex.xml')

const started = performance.now()
const comparison = compareDocuments(proposal, adopted, {
  names: {before: 'COM(2020) 825 (proposal)', after: 'Regulation (EU) 2022/2065'}
})
const html = toHtml(comparison)
const elapsed = performance.now() - started

const out = (name) => fileURLToPath(new URL('out/' + name, import.meta.url))
mkdirSync(fileURLToPath(new URL('out/', import.meta.url)), {recursive: true})
writeAtomic(out('comparison.html'), html)
writeAtomic(out('comparison.json'), JSON.stringify(comparison, null, 2) + '\n')

console.log('DSA proposal → Regulation (EU) 2022/2065:', JSON.stringify(comparison.summary))
console.log(`compare + render: ${elapsed.toFixed(0)} ms`)
console.log('  ' + out('comparison.html'))
console.log('  ' + out('comparison.json'))
