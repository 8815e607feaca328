/**
 * A hand-written `Comparison` for the renderer tests (the same file sits in
 * each renderer package's test folder). It follows the ePrivacy derogation
 * example (pre-ISC → post-ISC) and covers every status (unchanged, modified,
 * changed within, inserted, deleted, moved + modified, renumbered,
 * renumbered + modified), a time-budget fallback, formal pairs (layout and
 * renumbering), causes with and without conclusion text or services,
 * headings, frame changes (title, formulas, `Whereas:`, signatures),
 * multi-block text (intro + wrap-up, an added block), nested children, an
 * annex with table rows, and text full of HTML and Markdown syntax.
 *
 * Texts are derived from the diffs, and the reconstruction data (`seq`,
 * `blocks`, `beforeSeq`, `afterSeq`) is numbered the way `textOf` numbers
 * entries, so tests can rebuild both versions' plain text from it.
 */
import type {
  Cause, ChangeStatus, Comparison, FrameChange, ProvisionChange, ProvisionSide, Segment, StatusCounts
} from '@redlex/compare'
import type {ProvisionType} from '@redlex/tree'

/** Common text. */
export const same = (value: string): Segment => ({value})
/** Text only in the second version. */
export const add = (value: string): Segment => ({value, added: true})
/** Text only in the first version. */
export const del = (value: string): Segment => ({value, removed: true})

interface SideSpec {
  eId: string
  label: string
  num?: string
}

interface ChangeSpec {
  status: ChangeStatus
  kind: ProvisionType
  modified?: true
  within?: true
  before?: SideSpec
  after?: SideSpec
  heading?: Segment[]
  diff: Segment[]
  fallback?: 'replaced'
  causes?: Cause[]
  children?: Array<ProvisionChange | Ghost>
}

/** Marks where a moved provision stood in the first version. */
interface Ghost {
  ghost: ProvisionChange
}

const beforeText = (diff: Segment[]): string => diff.filter((s) => !s.added).map((s) => s.value).join('')
const afterText = (diff: Segment[]): string => diff.filter((s) => !s.removed).map((s) => s.value).join('')

const ghosts = new WeakMap<ProvisionChange, Array<ProvisionChange | Ghost>>()

function change(spec: ChangeSpec): ProvisionChange {
  const side = (s: SideSpec | undefined, text: string, heading: string | undefined): ProvisionSide | undefined => {
    if (!s) return undefined
    const out: ProvisionSide = {eId: s.eId, label: s.label, text}
    if (s.num !== undefined) out.num = s.num
    if (heading) out.heading = heading
    return out
  }
  const raw = spec.children ?? []
  const result: ProvisionChange = {status: spec.status, kind: spec.kind, diff: spec.diff, children: []}
  if (spec.modified) result.modified = true
  const b = side(spec.before, beforeText(spec.diff), spec.heading && beforeText(spec.heading))
  const a = side(spec.after, afterText(spec.diff), spec.heading && afterText(spec.heading))
  if (b) result.before = b
  if (a) result.after = a
  if (spec.heading) result.heading = spec.heading
  if (spec.fallback) result.fallback = spec.fallback
  if (spec.causes) result.causes = spec.causes
  if (spec.within) result.within = true
  result.children = raw.filter((c): c is ProvisionChange => !('ghost' in c))
  ghosts.set(result, raw)
  return result
}

function frame(part: FrameChange['part'], kind: string, status: FrameChange['status'], diff: Segment[], name?: string, indexed = true): FrameChange & {indexed: boolean} {
  const f: FrameChange & {indexed: boolean} = {part, kind, status, diff, indexed}
  if (name) f.name = name
  return f
}

type Item = ProvisionChange | (FrameChange & {indexed: boolean})

/** Number entries like `textOf`, fill in counts, and split frame from provisions. */
function finish(items: Item[], head: Omit<Comparison, 'type' | 'summary' | 'frame' | 'changes'>): Comparison {
  const isFrame = (i: Item): i is FrameChange & {indexed: boolean} => 'part' in i
  const number = (which: 'before' | 'after'): number => {
    let n = 0
    const visitSide = (c: ProvisionChange): void => {
      const s = c[which]
      if (!s) return
      if (s.num || s.heading) s.seq = n++
      if (s.text !== '') {
        s.blocks = s.text.split('\n').map((block) => [n++, block.length] as [number, number])
      }
    }
    // In the first version a moved provision is numbered where its ghost stands.
    const visit = (c: ProvisionChange, viaGhost: boolean): void => {
      if (which === 'before' && c.status === 'moved' && !viaGhost) return
      visitSide(c)
      for (const child of ghosts.get(c) ?? []) {
        if ('ghost' in child) {
          if (which === 'before') visit(child.ghost, true)
        } else visit(child, false)
      }
    }
    for (const item of items) {
      if (isFrame(item)) {
        const present = which === 'before' ? item.status !== 'inserted' : item.status !== 'deleted'
        if (present && item.indexed) item[which === 'before' ? 'beforeSeq' : 'afterSeq'] = n++
      } else visit(item, false)
    }
    return n
  }
  const entries = {before: number('before'), after: number('after')}
  const summary: StatusCounts = {unchanged: 0, modified: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0}
  const tokens = {common: 0, removed: 0, added: 0}
  let fallbacks = 0
  const words = (s: string): number => s.split(/\s+/).filter(Boolean).length
  const count = (c: ProvisionChange): void => {
    summary[c.status]++
    if (c.fallback) fallbacks++
    const t = {common: 0, removed: 0, added: 0}
    for (const s of [...c.diff, ...(c.heading ?? [])]) {
      t[s.added ? 'added' : s.removed ? 'removed' : 'common'] += words(s.value)
    }
    c.tokens = t
    tokens.common += t.common
    tokens.removed += t.removed
    tokens.added += t.added
    c.children.forEach(count)
  }
  const changes = items.filter((i): i is ProvisionChange => !isFrame(i))
  changes.forEach(count)
  const frames = items.filter(isFrame).map(({indexed: _, ...f}) => f)
  return {type: 'comparison', ...head, summary, tokens, fallbacks, entries, frame: frames, changes}
}

// ---------------------------------------------------------------------------
// Causes

export const causeRecital: Cause = {
  amendment: 'a1', type: 'rewording', conclusion: 'C1',
  conclusionText: 'Align the wording of recital 2 with Directive (EU) 2018/1972.',
  services: ['SJ'], note: 'Legal Service comment'
}
export const causeInsert: Cause = {
  amendment: 'a2', type: 'insert', conclusion: 'C2',
  conclusionText: 'Add a recital on <script> & "safeguards" for the <b>data</b> subjects.',
  services: ['HOME', 'JUST']
}
export const causeSunset: Cause = {
  amendment: 'sunset', type: 'sunset', conclusion: 'C3',
  conclusionText: 'The Regulation should expire at the end of the current legislative period.',
  services: ['SG', 'SJ'], note: 'EP term ends 15 July 2024; date picked: 3 August 2024'
}
/** No conclusion text, no services: authors fall back to `Conclusion C4`. */
export const causePoint: Cause = {amendment: 'a4', conclusion: 'C4'}
/** No conclusion, no services: authors fall back to the `author` option. */
export const causeBare: Cause = {amendment: 'a5'}

/** The nastiest text in the fixture: HTML, entities, quotes and Markdown syntax. */
export const NASTY = 'Providers shall not <script>alert("x&y")</script> use **bold** or ~~strike~~ or <del>tags</del> & \'quotes\' [links](http://x) `code` _under_ # 1. \\ |'

// ---------------------------------------------------------------------------
// The comparison

const p = (eId: string, label: string, num?: string): SideSpec => (num === undefined ? {eId, label} : {eId, label, num})

const movedPoint = change({
  status: 'moved', kind: 'point', modified: true,
  before: p('art_5__point_b', 'Article 5, point (b)', '(b)'),
  after: p('art_3__point_b', 'Article 3, point (b)', '(b)'),
  diff: [same('the technology used is '), del('sufficiently'), add('in itself sufficiently'), same(' reliable;')]
})

const items: Item[] = [
  frame('preface', 'docStage', 'unchanged', [same('Proposal for a')]),
  frame('preface', 'docType', 'unchanged', [same('REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL')]),
  frame('preface', 'docPurpose', 'modified', [
    same('on a temporary derogation from certain provisions of Directive 2002/58/EC as regards the use of technologies by '),
    del('number-independent interpersonal communications service providers'),
    add('providers of number-independent interpersonal communications services'),
    same(' for the purpose of '), del('combatting'), add('combating'), same(' child sexual abuse online')
  ]),
  frame('preamble', 'formula', 'unchanged', [same('THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,')], 'actingEntity'),
  change({status: 'unchanged', kind: 'citation', before: p('cit_1', 'citation 1'), after: p('cit_1', 'citation 1'),
    diff: [same('Having regard to the Treaty on the Functioning of the European Union, and in particular Article 16(2) thereof,')]}),
  change({status: 'modified', kind: 'citation', before: p('cit_2', 'citation 2'), after: p('cit_2', 'citation 2'),
    diff: [same('Having regard to the proposal from the European'), {value: ' ', removed: true, formal: 'layout'}, {value: '\u00a0', added: true, formal: 'layout'}, same('Commission,')]}),
  frame('preamble', 'recitals', 'unchanged', [same('Whereas:')], undefined, false),
  change({status: 'unchanged', kind: 'recital', before: p('rec_1', 'recital 1', '(1)'), after: p('rec_1', 'recital 1', '(1)'),
    diff: [same('Directive 2002/58/EC lays down rules ensuring the right to privacy.')]}),
  change({status: 'modified', kind: 'recital', before: p('rec_2', 'recital 2', '(2)'), after: p('rec_2', 'recital 2', '(2)'),
    causes: [causeRecital],
    diff: [same('From 21 December 2020, '), del('such'), add('number-independent interpersonal communications'), same(' services will fall within the scope of Directive 2002/58/EC.')]}),
  change({status: 'inserted', kind: 'recital', after: p('rec_3', 'recital 3', '(3)'), causes: [causeInsert], diff: [add(NASTY)]}),
  change({status: 'deleted', kind: 'recital', before: p('rec_3', 'recital 3', '(3)'), diff: [del('This recital was dropped after the consultation.')]}),
  frame('preamble', 'formula', 'unchanged', [same('HAVE ADOPTED THIS REGULATION:')], 'enactingFormula'),
  change({
    status: 'modified', kind: 'division', before: p('chp_I', 'Chapter I', 'CHAPTER I'), after: p('chp_I', 'Chapter I', 'CHAPTER I'),
    heading: [del('General provisions'), add('Subject matter and definitions')], diff: [],
    children: [
      change({
        status: 'modified', kind: 'article', within: true, before: p('art_1', 'Article 1', 'Article 1'), after: p('art_1', 'Article 1', 'Article 1'),
        heading: [same('Subject matter and scope')], diff: [],
        children: [
          change({status: 'unchanged', kind: 'paragraph', before: p('art_1__para_1', 'Article 1(1)', '1.'), after: p('art_1__para_1', 'Article 1(1)', '1.'),
            diff: [same('This Regulation lays down temporary and strictly limited rules.')]}),
          change({
            status: 'modified', kind: 'paragraph', within: true, before: p('art_1__para_2', 'Article 1(2)', '2.'), after: p('art_1__para_2', 'Article 1(2)', '2.'),
            diff: [same('This Regulation covers the following:')],
            children: [
              change({status: 'modified', kind: 'point', causes: [causePoint], before: p('art_1__para_2__point_a', 'Article 1(2), point (a)', '(a)'), after: p('art_1__para_2__point_a', 'Article 1(2), point (a)', '(a)'),
                diff: [same('material constituting '), del('child pornography'), add('child sexual abuse material'), same(';')]}),
              change({status: 'inserted', kind: 'point', causes: [causePoint], after: p('art_1__para_2__point_b', 'Article 1(2), point (b)', '(b)'),
                diff: [add('conduct constituting solicitation of children;')],
                children: [
                  change({status: 'inserted', kind: 'point', after: p('art_1__para_2__point_b__point_i', 'Article 1(2), point (b)(i)', '(i)'), diff: [add('online;')]})
                ]}),
              change({status: 'renumbered', kind: 'point', before: p('art_1__para_2__point_b', 'Article 1(2), point (b)', '(b)'), after: p('art_1__para_2__point_c', 'Article 1(2), point (c)', '(c)'),
                diff: [same('conduct constituting child prostitution.')]})
            ]
          })
        ]
      }),
      change({status: 'unchanged', kind: 'article', before: p('art_2', 'Article 2', 'Article 2'), after: p('art_2', 'Article 2', 'Article 2'),
        heading: [same('Definitions')], diff: [same('For the purposes of this Regulation, the definitions in Directive (EU) 2018/1972 apply.')]})
    ]
  }),
  change({
    status: 'modified', kind: 'article', before: p('art_3', 'Article 3', 'Article 3'), after: p('art_3', 'Article 3', 'Article 3'),
    causes: [causeBare],
    heading: [same('Scope of the derogation'), add(' and safeguards')],
    diff: [same('The obligations laid down in '), del('Article 5(1)'), add('Article 5(1) and Article 6(1)'), same(' of Directive 2002/58/EC shall not apply, provided that:\nThe processing shall be '), del('limited'), add('strictly limited'), same('.')],
    children: [
      change({status: 'modified', kind: 'point', before: p('art_3__point_a', 'Article 3, point (a)', '(a)'), after: p('art_3__point_a', 'Article 3, point (a)', '(a)'),
        diff: [same('the processing is proportionate'), {value: ' ', removed: true, formal: 'layout'}, {value: '\u00a0', added: true, formal: 'layout'},
          same('as set out in '), {value: 'Article 5', removed: true, formal: 'renumbering'}, {value: 'Article 4', added: true, formal: 'renumbering'}, same(' and '), del('well-established'), add('well established'), same(';')]}),
      movedPoint,
      change({
        status: 'unchanged', kind: 'point', before: p('art_3__point_c', 'Article 3, point (c)', '(c)'), after: p('art_3__point_c', 'Article 3, point (c)', '(c)'),
        diff: [same('the processing is limited to what is strictly necessary.')],
        children: [
          change({status: 'modified', kind: 'subparagraph', before: p('art_3__point_c__subpara_2', 'Article 3, point (c), second subparagraph'), after: p('art_3__point_c__subpara_2', 'Article 3, point (c), second subparagraph'),
            diff: [same('Data shall be deleted immediately.'), add('\nProviders shall keep a record.')]})
        ]
      })
    ]
  }),
  change({
    status: 'deleted', kind: 'article', before: p('art_4', 'Article 4', 'Article 4'), heading: [del('Review')], diff: [],
    children: [
      change({status: 'deleted', kind: 'paragraph', before: p('art_4__para_1', 'Article 4(1)', '1.'), diff: [del('By [date], the Commission shall report.')]}),
      change({status: 'deleted', kind: 'paragraph', before: p('art_4__para_2', 'Article 4(2)', '2.'), diff: [del('The report shall be public.')]})
    ]
  }),
  change({
    status: 'renumbered', kind: 'article', before: p('art_5', 'Article 5', 'Article 5'), after: p('art_4', 'Article 4', 'Article 4'),
    heading: [same('Guidelines')], diff: [],
    children: [
      {ghost: movedPoint},
      change({status: 'modified', kind: 'paragraph', fallback: 'replaced', before: p('art_5__para_1', 'Article 5(1)', '1.'), after: p('art_4__para_1', 'Article 4(1)', '1.'),
        diff: [del('The Commission may issue guidelines.'), add('The Commission shall, after consulting the European Data Protection Board, issue guidelines.')]})
    ]
  }),
  change({
    status: 'renumbered', kind: 'article', modified: true, causes: [causeSunset], before: p('art_6', 'Article 6', 'Article 6'), after: p('art_5', 'Article 5', 'Article 5'),
    heading: [same('Entry into force'), add(' and application')],
    diff: [same('This Regulation shall enter into force on the third day following that of its publication in the '), {value: 'Official Journal', removed: true, formal: 'layout'}, {value: 'Official\u00a0Journal', added: true, formal: 'layout'}, same(' of the European Union.\nIt shall apply until '), del('[31 December 2025]'), add('3 August 2024'), same('.')]
  }),
  frame('conclusions', 'formula', 'unchanged', [same('This Regulation shall be binding in its entirety and directly applicable in all Member States.')], 'bindingForce'),
  frame('conclusions', 'formula', 'modified', [same('Done at Brussels, '), del('[…]'), add('2 September 2020')], 'doneAt'),
  frame('conclusions', 'signature', 'unchanged', [same('For the European Parliament\nThe President')]),
  frame('conclusions', 'signature', 'deleted', [del('For the Commission\nThe President')]),
  frame('conclusions', 'signature', 'inserted', [add('For the Council\nThe President')]),
  change({status: 'inserted', kind: 'annex', after: p('anx_I', 'Annex I', 'ANNEX I'), heading: [add('Correlation table')],
    diff: [add('Directive 2002/58/EC | This Regulation\nArticle 5(1) | Article 3')]})
]

/** The renderer fixture: every status, causes, fallbacks, frame changes, nested children. */
export const fixture: Comparison = finish(items, {
  before: {name: 'pre-ISC', title: 'Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on a temporary derogation'},
  after: {name: 'post-ISC', title: 'Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on a temporary derogation'},
  isc: {reference: 'ISC/2020/06507', date: '2020-09-02', title: 'Fast-track ISC on the temporary derogation from Directive 2002/58/EC'}
})

/**
 * A version's plain text rebuilt from the reconstruction data alone
 * (`seq`, `blocks`, `beforeSeq`/`afterSeq`), one entry per line, the way
 * `textOf(document)` gives it.
 */
export function entriesOf(comparison: Comparison, which: 'before' | 'after'): string[] {
  const out: string[] = []
  const side = (diff: Segment[]): string => diff.filter((s) => !s[which === 'before' ? 'added' : 'removed']).map((s) => s.value).join('')
  for (const f of comparison.frame) {
    const seq = which === 'before' ? f.beforeSeq : f.afterSeq
    if (seq !== undefined) out[seq] = side(f.diff)
  }
  const visit = (c: ProvisionChange): void => {
    const s = c[which]
    if (s) {
      if (s.seq !== undefined) out[s.seq] = [s.num, s.heading].filter(Boolean).join(' ')
      let offset = 0
      for (const [index, length] of s.blocks ?? []) {
        out[index] = s.text.slice(offset, offset + length)
        offset += length + 1
      }
    }
    c.children.forEach(visit)
  }
  comparison.changes.forEach(visit)
  return out
}
