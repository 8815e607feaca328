/**
 * The invariant helper for amendments: apply → expected; inverse → base;
 * JSON and YAML round trip of the amendments and of the inverse; the log's
 * eIds exist where they should (mapping).
 */
import {expect} from 'vitest'
import {
  article,
  assignEids,
  content,
  documentOf,
  findByEid,
  intro,
  linkReferences,
  paragraph,
  point,
  recital,
  subparagraph,
  textOf,
  type Document,
  type Node
} from '@redlex/tree'
import {
  applyAmendments,
  applyInverse,
  loadAmendments,
  parseAmendments,
  stringifyAmendments,
  type Amendment,
  type ApplyOptions,
  type ApplyResult
} from '@redlex/amend'

/** A deep copy without positions (generated nodes have none). */
export function strip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v))) as T
}

function ids(document: Document): Set<string> {
  const out = new Set<string>()
  const visit = (n: Node): void => {
    if ('eId' in n && typeof n.eId === 'string') out.add(n.eId)
    if ('children' in n) for (const c of n.children as Node[]) visit(c)
  }
  visit(document)
  return out
}

/**
 * Apply `amendments` to `base` and assert every invariant; returns the result
 * for further assertions.
 */
export function checkAmendments(
  base: Document,
  amendments: Amendment[],
  expected: Document,
  options?: ApplyOptions
): ApplyResult {
  const frozen = structuredClone(base)
  const result = applyAmendments(base, amendments, options)
  // apply → expected; the input is untouched
  expect(strip(result.document)).toEqual(strip(expected))
  expect(base).toEqual(frozen)
  // inverse → base
  expect(strip(applyInverse(result.document, result.inverse))).toEqual(strip(base))
  // JSON and YAML round trips (amendments and inverse), and the same result from each
  for (const list of [amendments, result.inverse]) {
    const json = parseAmendments(JSON.parse(stringifyAmendments(list, {format: 'json'})))
    expect(json).toEqual(list)
    expect(loadAmendments(stringifyAmendments(list))).toEqual(list)
  }
  expect(strip(applyAmendments(base, loadAmendments(stringifyAmendments(amendments)), options).document)).toEqual(
    strip(result.document)
  )
  // mapping: the log speaks of base eIds before and result eIds after
  const before = ids(base)
  const after = ids(result.document)
  for (const entry of result.log) {
    for (const effect of entry.effects) {
      if (effect.before !== undefined)
        expect(before, `${entry.amendment}: before ${effect.before}`).toContain(effect.before)
      if (effect.after !== undefined) expect(after, `${entry.amendment}: after ${effect.after}`).toContain(effect.after)
    }
  }
  for (const [from, to] of Object.entries(result.renames)) {
    expect(before).toContain(from)
    expect(after).toContain(to)
  }
  // Each effect records the result's text of its provision word for word (for verify), and
  // deletions none; the tests above and below compare the rest of the log, so it is returned without it.
  for (const entry of result.log) {
    for (const effect of entry.effects) {
      if (effect.after === undefined) expect(effect.text).toBeUndefined()
      else
        expect(effect.text, `${entry.amendment}: text of ${effect.after}`).toBe(
          textOf(findByEid(result.document, effect.after)!, {notes: true})
        )
    }
  }
  return {
    ...result,
    log: result.log.map((entry) => ({...entry, effects: entry.effects.map(({text: _text, ...effect}) => effect)}))
  }
}

/** Mutate a copy of `document` with `edit`, then recompute eIds and references: an expected text written by hand. */
export function edited(document: Document, edit: (copy: Document, at: (eId: string) => Node) => void): Document {
  const copy = strip(structuredClone(document))
  edit(copy, (eId) => {
    const node = findByEid(copy, eId)
    if (!node) throw new Error('no ' + eId)
    return node
  })
  return linkReferences(assignEids(copy).document)
}

/**
 * A small draft regulation (linked): recitals 1–4, Articles 1–4; Article 2
 * has paragraphs and points; cross-references in recitals and articles.
 */
export function sample(): Document {
  return linkReferences(
    assignEids(
      documentOf([
        {
          type: 'preamble',
          children: [
            {
              type: 'citations',
              children: [
                {
                  type: 'citation',
                  eId: '',
                  children: [
                    content(
                      'Having regard to the Treaty on the Functioning of the European Union, and in particular Article 114 thereof,'
                    )
                  ]
                }
              ]
            },
            {
              type: 'recitals',
              children: [
                recital('(1)', [content('Article 1 sets out the subject matter.')]),
                recital('(2)', [content('The rules in Articles 2 to 3 should be proportionate.')]),
                recital('(3)', [content('The definitions in Article 2(1), point (a), are narrow.')]),
                recital('(4)', [
                  content(
                    'This Regulation should apply until the long-term legislation applies. That legislation should repeal this Regulation.'
                  )
                ])
              ]
            }
          ]
        },
        {
          type: 'body',
          children: [
            article('Article 1', 'Subject matter', [
              content('This Regulation lays down temporary rules; see recital 4 and Article 3.')
            ]),
            article('Article 2', 'Scope', [
              paragraph('1.', [
                intro('This Regulation covers:'),
                point('(a)', [content('material constituting child sexual abuse;')]),
                point('(b)', [content('solicitation of children, as referred to in point (a).')])
              ]),
              paragraph('2.', [content('Paragraph 1 applies without prejudice to Article 3.')])
            ]),
            article('Article 3', 'Safeguards', [
              content(
                'The processing shall be proportionate. The processing shall be limited to what is strictly necessary.'
              )
            ]),
            article('Article 4', 'Entry into force and application', [
              content('This Regulation shall enter into force on the twentieth day following that of its publication.'),
              subparagraph([
                content(
                  'It shall apply until 31 December 2025. The long-term legislation shall repeal this Regulation.'
                )
              ])
            ])
          ]
        }
      ])
    ).document
  )
}
