/**
 * Formex `CORR` (corrigendum) → plain data: one record per `CORRECTION`,
 * ready to become typed text-substitution amendments later.
 */
import {inlineText} from '@redlex/tree'
import type {ProvisionContent} from '@redlex/tree'
import {ImportContext} from './context.js'
import type {ImportOptions} from './context.js'
import {FormexReader} from './formex.js'
import {plain} from './text.js'
import {childElements, descendants, firstChild, nameOf, parseXml, pointOf} from './xml.js'
import type {Element} from './xml.js'

/** One correction of a corrigendum ("On page 55, point (c) of Article 37(1): for: ‘…’, read: ‘…’."). */
export interface Correction {
  /** 1-based position in the corrigendum. */
  index: number
  /** The location as printed (no-break spaces kept), without the final colon: `On page 55, point (c) of Article 37(1)`. */
  location: string
  /** The provision the location names, as an eId guess (`art_37__para_1__point_c`); `others` when it names several. */
  target?: {eId: string; others?: string[]}
  /** The wrong text ("for:"), as printed between the quotes; blocks separated by `\n`, numbers kept (`(c) the core …`). */
  old: string
  /** The corrected text ("read:"), same form. */
  new: string
}

/** Parse a Formex corrigendum (`CORR`) into its corrections. */
export function parseCorrigendum(xml: string, options?: Readonly<ImportOptions> | null): Correction[] {
  const ctx = new ImportContext(options)
  const root = parseXml(xml, ctx.file, (code, message, place) => ctx.warn(code, message, place))
  if (nameOf(root) !== 'CORR') {
    throw ctx.error('formats/not-corrigendum', `not a Formex corrigendum: the root element is <${root.name}>`, {
      place: pointOf(root),
      actual: root.name,
      expected: ['CORR'],
      hint: 'Give a Formex CORR file'
    })
  }
  const reader = new FormexReader(ctx)
  const out: Correction[] = []
  for (const corr of descendants(root, 'CORRECTION')) {
    const description = firstChild(corr, 'DESCRIPTION')
    const location = description ? plain(reader.flat(description)).replace(/:\s*$/, '') : ''
    const oldEl = firstChild(corr, 'OLD.CORR')
    const newEl = firstChild(corr, 'NEW.CORR')
    if (!oldEl || !newEl) {
      throw ctx.error(
        'formats/corrigendum-structure',
        `correction ${out.length + 1} has no ${oldEl ? 'NEW.CORR' : 'OLD.CORR'}`,
        {place: pointOf(corr)}
      )
    }
    const correction: Correction = {
      index: out.length + 1,
      location,
      old: quotedText(oldEl, reader),
      new: quotedText(newEl, reader)
    }
    const target = guessTarget(location)
    if (target) correction.target = target
    out.push(correction)
  }
  return out
}

function quotedText(el: Element, reader: FormexReader): string {
  const lines: string[] = []
  for (const c of childElements(el)) {
    if (nameOf(c) === 'QUOT.S') {
      for (const unit of reader.quoted(c)) lines.push(...flatten(unit.children))
    } else if (nameOf(c) === 'P' && !/^(for|read):?$/i.test(plain(reader.flat(c)))) {
      lines.push(plain(reader.flat(c)))
    }
  }
  const text = lines.filter((l) => l !== '').join('\n')
  // Strip the opening quote and the closing quote with the list punctuation after it (`’,` `’.` `’;`).
  return text.replace(/^[‘“]/, '').replace(/[’”][.,;]?$/, '')
}

function flatten(children: readonly ProvisionContent[]): string[] {
  const out: string[] = []
  for (const c of children) {
    if (c.type === 'content' || c.type === 'intro' || c.type === 'wrapUp') out.push(inlineText(c.children))
    else if (c.type === 'point' || c.type === 'indent' || c.type === 'paragraph') {
      const inner = flatten(c.children)
      out.push([c.num, inner[0]].filter((x) => x !== undefined && x !== '').join(' '), ...inner.slice(1))
    } else if (c.type === 'subparagraph') out.push(...flatten(c.children))
    else if (c.type === 'table')
      out.push(...c.children.map((r) => r.children.map((cell) => inlineText(cell.children)).join(' | ')))
  }
  return out
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']

/** `point (c) of Article 37(1)` → `art_37__para_1__point_c`; `recital 71` → `rec_71`; `Article 64(6), (7) and (8)` → para_6 + others. */
export function guessTarget(location: string): {eId: string; others?: string[]} | undefined {
  const recital = /\brecital\s+(\d+[a-z]*)/i.exec(location)
  if (recital) return {eId: `rec_${recital[1]}`}
  const annex = /\bAnnex\s+([IVXLC]+|\d+)\b/.exec(location)
  const article = /\bArticle\s+(\d+[a-z]*)((?:\(\d+[a-z]*\))?)((?:,?\s+(?:\(\d+[a-z]*\))(?:\s+and)?)*)/.exec(location)
  if (!article && !annex) return undefined
  let base = article ? `art_${article[1]}` : `anx_${annex![1]}`
  const paras: string[] = []
  if (article && article[2]) paras.push(article[2].slice(1, -1))
  if (article && article[3]) for (const m of article[3].matchAll(/\((\d+[a-z]*)\)/g)) paras.push(m[1]!)
  const subpara = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+subparagraph/i.exec(location)
  const points = [...location.matchAll(/\bpoints?\s+\(([a-z0-9]+)\)/gi)].map((m) => m[1]!)
  const suffix = (para: string | undefined): string => {
    let eId = base + (para ? `__para_${para}` : '')
    const n = subpara ? ORDINALS.indexOf(subpara[1]!.toLowerCase()) + 1 : 0
    if (n >= 2) eId += `__subpara_${n}`
    for (const p of points) eId += `__point_${p}`
    return eId
  }
  if (paras.length === 0) return {eId: suffix(undefined)}
  const all = paras.map((p) => suffix(p))
  base = all[0]!
  return all.length > 1 ? {eId: all[0]!, others: all.slice(1)} : {eId: all[0]!}
}
