/**
 * The inputs the fuzz suite starts from: the repository's fixtures and
 * examples, two small hand-written HTML pages (test/fuzz/seeds/), AKN made
 * by our own exporter, and — when ../shared/corpus is there — small slices
 * of real EU texts. Every seed is valid input; the mutations make it not.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {importDocument, toAkn} from '@redlex/formats'

const root = fileURLToPath(new URL('../../', import.meta.url))
const read = (path: string): string => readFileSync(root + path, 'utf8')

export const CORPUS = root + '../shared/corpus/'
export const HAS_CORPUS = existsSync(CORPUS + 'README.md')
const corpus = (path: string): string | undefined =>
  existsSync(CORPUS + path) ? readFileSync(CORPUS + path, 'utf8') : undefined

export type SeedKind = 'xml' | 'html' | 'markdown' | 'isc'

export interface Seed {
  name: string
  kind: SeedKind
  text: string
}

/** `text` from the first `from` marker to the first `to` marker after it (or undefined when one is missing). */
function between(text: string | undefined, from: string, to: string): string | undefined {
  if (text === undefined) return undefined
  const start = text.indexOf(from)
  const end = start < 0 ? -1 : text.indexOf(to, start + from.length)
  return start < 0 || end < 0 ? undefined : text.slice(start, end)
}

/** Where the first `n` occurrences of `marker` start (fewer when there are fewer). */
function nthIndexes(text: string, marker: string, n: number): number[] {
  const out: number[] = []
  for (let at = text.indexOf(marker); at >= 0 && out.length < n; at = text.indexOf(marker, at + 1)) out.push(at)
  return out
}

/** Small slices of the corpus: whole small files, or a few provisions cut out of a large one. */
function corpusSeeds(): Seed[] {
  if (!HAS_CORPUS) return []
  const seeds: Seed[] = []
  const formex = CORPUS + 'ai-act/final-formex/'
  if (existsSync(formex)) {
    // The AI Act's smallest annex files: whole Formex ANNEX documents of 1.7–10 KB.
    for (const file of readdirSync(formex)
      .filter((f) => /\.01\d{4}\.fmx\.xml$/.test(f))
      .sort()
      .slice(0, 4)) {
      seeds.push({name: `corpus ai-act/${file}`, kind: 'xml', text: readFileSync(formex + file, 'utf8')})
    }
  }
  const join = corpus('akn/join-2022-19-akn4eu.xml')
  if (join) seeds.push({name: 'corpus akn/join-2022-19', kind: 'xml', text: join})
  const eurlex = corpus('ai-act/final-eurlex.html')
  const eurlexHead = between(eurlex, '<div class="eli-container">', '<div class="eli-subdivision" id="rct_4"')
  const eurlexArticle = between(
    eurlex,
    '<div class="eli-subdivision" id="art_5"',
    '<div class="eli-subdivision" id="art_6"'
  )
  if (eurlexHead && eurlexArticle) {
    seeds.push({
      name: 'corpus ai-act EUR-Lex slice',
      kind: 'html',
      text: `<!DOCTYPE html><html><head><title>slice</title></head><body>${eurlexHead}</div><div class="eli-subdivision" id="enc_1">${eurlexArticle}</div></div></body></html>`
    })
  }
  const cellar = corpus('ai-act/proposal-com-2021-206.xhtml')
  const acting = cellar?.indexOf('<p class="Institutionquiagit"') ?? -1
  const articles = cellar ? nthIndexes(cellar, '<p class="Titrearticle"', 4) : []
  if (cellar && acting >= 0 && articles.length === 4) {
    // The first recitals (of 89) and the first three articles.
    const recitals = nthIndexes(cellar.slice(acting, articles[0]), 'ManualConsidrant"', 5)
    const preamble = cellar.slice(
      acting,
      recitals.length === 5 ? acting + cellar.slice(acting).lastIndexOf('<p', recitals[4]) : articles[0]
    )
    const formula = cellar.lastIndexOf('<p class="Formuledadoption"', articles[0])
    const enacting = cellar.slice(formula >= acting ? formula : articles[0], articles[3])
    seeds.push({
      name: 'corpus ai-act Cellar slice',
      kind: 'html',
      text: `<html><head><title>slice</title></head><body><div>${preamble}</div>${enacting}</body></html>`
    })
  }
  const council = corpus('ai-act/council-drafts-md/2021-04-21-AIA-COM-Proposal-21-April-21.md')
  const councilArticles = between(council, '\nArticle 1', '\nArticle 4')
  if (councilArticles)
    seeds.push({name: 'corpus ai-act Council draft slice', kind: 'markdown', text: councilArticles.slice(0, 12_000)})
  return seeds
}

function repositorySeeds(): Seed[] {
  const seeds: Seed[] = []
  for (const file of readdirSync(root + 'packages/formats/test/fixtures').sort()) {
    const kind: SeedKind | undefined = file.endsWith('.xml')
      ? 'xml'
      : /\.x?html?$/.test(file)
        ? 'html'
        : file.endsWith('.md')
          ? 'markdown'
          : undefined
    if (kind) seeds.push({name: `formats fixture ${file}`, kind, text: read(`packages/formats/test/fixtures/${file}`)})
  }
  for (const file of [
    'examples/eprivacy-derogation/pre-isc.md',
    'examples/eprivacy-derogation/expected-post-isc.md',
    'packages/markdown/test/fixtures/complete.md'
  ]) {
    const text = read(file)
    seeds.push({name: file, kind: 'markdown', text})
    // Our own AKN export of it: an AKN seed that needs no corpus.
    seeds.push({name: `${file} as AKN`, kind: 'xml', text: toAkn(importDocument(text).document)})
  }
  for (const file of ['eurlex.html', 'cellar.html'])
    seeds.push({name: `test/fuzz/seeds/${file}`, kind: 'html', text: read(`test/fuzz/seeds/${file}`)})
  const isc = read('examples/eprivacy-derogation/isc.yaml')
  seeds.push({name: 'examples isc.yaml', kind: 'isc', text: isc})
  seeds.push({name: 'examples isc.yaml as JSON', kind: 'isc', text: JSON.stringify(parseYaml(isc), null, 2)})
  for (const file of ['failing-isc.yaml', 'invalid-isc.yaml'])
    seeds.push({name: `cli fixture ${file}`, kind: 'isc', text: read(`packages/cli/test/fixtures/${file}`)})
  return seeds
}

/** Every seed, in a fixed order. */
export const SEEDS: readonly Seed[] = [...repositorySeeds(), ...corpusSeeds()]

export const seedsOf = (...kinds: SeedKind[]): Seed[] => SEEDS.filter((seed) => kinds.includes(seed.kind))

/** The example draft, its ISC record and the record's data, for the amendment fuzzing. */
export const EXAMPLE = {
  draft: read('examples/eprivacy-derogation/pre-isc.md'),
  record: read('examples/eprivacy-derogation/isc.yaml')
}
