/**
 * The address grammar of EP amendment headings:
 *
 *   address  = step *(" — " step) [" — " part]
 *   step     = unit " " number [" (new)"]          ; "paragraph 1 a (new)"
 *   unit     = citation | recital | article | annex | part | title | chapter
 *            | section | paragraph | subparagraph | point | indent
 *   number   = words and digits, spaces dropped   ; "1 a" → 1a, "b a" → ba, "- 1" → -1
 *   part     = "introductory part" | "title"
 *
 * Variants seen in plenary texts are accepted: en dashes or hyphens as
 * separators, a number in a step of its own ("Article — 57 a (new)"),
 * trailing dashes, any letter case.
 */

export type EpUnit =
  | 'citation'
  | 'recital'
  | 'article'
  | 'annex'
  | 'part'
  | 'title'
  | 'chapter'
  | 'section'
  | 'paragraph'
  | 'subparagraph'
  | 'point'
  | 'indent'

export interface EpStep {
  unit: EpUnit
  /** The number as the EP writes it, spaces removed: `13a`, `ba`, `-1`, `III`. */
  num: string
  /**
   * A new unit named before a division heading: `Article — 57 a (new) —
   * SECTION 2 — title` (the new section opens with the new article).
   */
  isNew?: true
}

export interface EpAddress {
  steps: EpStep[]
  /** The last step is a new unit. */
  isNew: boolean
  /** Only a part of the last unit: its chapeau (`intro`) or its heading (`heading`). */
  part?: 'intro' | 'heading'
}

const UNITS: ReadonlySet<string> = new Set([
  'citation',
  'recital',
  'article',
  'annex',
  'part',
  'title',
  'chapter',
  'section',
  'paragraph',
  'subparagraph',
  'point',
  'indent'
])

/** After an inner "(new)": only division steps and a title (`— SECTION 2 — title`). */
const DIVISION_TAIL = /^(?:\s*[—–-]\s*(?:(?:part|title|chapter|section)\s+[\w ]+?|title))+\s*[—–-]?\s*$/i

/** Parse an amendment heading; `undefined` with the reason when it is outside the grammar. */
export function parseAddress(target: string): {address: EpAddress} | {reason: string} {
  const raw = target.replace(/[\u00a0\s]+/g, ' ').trim()
  let text = raw
  let isNew = false
  let newBefore: string | undefined
  if (/\(new\)/i.test(text)) {
    isNew = /\(new\)\s*[—–-]?\s*$/i.test(text)
    if (!isNew) {
      // "(new)" inside is only understood before a division heading: the new unit the division opens with.
      const m = /^(.*?)\s*\(new\)\s*([—–-].*)$/i.exec(text)
      if (!m || /\(new\)/i.test(m[2]!) || !DIVISION_TAIL.test(m[2]!))
        return {
          reason: `“(new)” is not on the last step of \`${raw}\`: a unit inside a new unit is amended with the new unit itself`
        }
      newBefore = m[1]!
      text = `${m[1]} ${m[2]}`
    } else text = text.replace(/\s*\(new\)\s*[—–-]?\s*$/i, '')
  }
  const pieces = text
    .split(/\s+[—–]\s*|\s*[—–]\s+|\s+-\s+(?=[A-Za-z])/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const steps: EpStep[] = []
  let part: EpAddress['part']
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!
    const lower = piece.toLowerCase()
    if (lower === 'introductory part' || lower === 'introductory wording') {
      if (i !== pieces.length - 1) return {reason: `\`${piece}\` must end the address \`${raw}\``}
      part = 'intro'
      continue
    }
    if (lower === 'title' && i === pieces.length - 1 && steps.length > 0) {
      part = 'heading'
      continue
    }
    const m = /^([A-Za-z]+)(?:\s+(.+))?$/.exec(piece)
    const unit = m?.[1]?.toLowerCase()
    if (!m || !unit || !UNITS.has(unit)) {
      // A number on its own ("Article — 57 a") belongs to the step before.
      const last = steps[steps.length - 1]
      if (last && last.num === '' && /^[-\w ]+$/.test(piece)) {
        last.num = compact(piece)
        continue
      }
      return {
        reason: `\`${piece}\` in \`${raw}\` is not a unit this reader knows (citation, recital, article, paragraph, subparagraph, point, indent, annex, part, title, chapter, section)`
      }
    }
    steps.push({unit: unit as EpUnit, num: m[2] ? compact(m[2]) : ''})
  }
  if (steps.length === 0) return {reason: `\`${raw}\` names no unit`}
  if (newBefore !== undefined) {
    // The unit the "(new)" followed: the last article before the division steps.
    const article = [...steps].reverse().find((s) => s.unit === 'article')
    if (article) article.isNew = true
  }
  const empty = steps.find((s) => s.num === '')
  if (empty) return {reason: `\`${empty.unit}\` has no number in \`${raw}\``}
  return {address: {steps, isNew, ...(part ? {part} : {})}}
}

function compact(num: string): string {
  return num.replace(/[\s\u00a0]+/g, '').replace(/^[–—]/, '-')
}

/** The address written back in the EP's form (for reports). */
export function formatAddress(address: EpAddress): string {
  const words = address.steps.map((s) => `${s.unit[0]!.toUpperCase()}${s.unit.slice(1)} ${s.num}`)
  const out = words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' — ')
  return (
    out +
    (address.isNew ? ' (new)' : '') +
    (address.part === 'intro' ? ' — introductory part' : address.part === 'heading' ? ' — title' : '')
  )
}
