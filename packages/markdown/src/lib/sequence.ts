/**
 * Numbering checks: is a unit's number the one expected after the previous
 * one? Accepts the insertions of amending acts (4a after 4, 4aa after 4a,
 * -1 before 1) and reports skipped, duplicate and out-of-order numbers.
 */
import {compareNumbers, type ParsedNumber} from '@redlex/tree'

export type SequenceVerdict = 'ok' | 'skipped' | 'duplicate' | 'backwards'

/** Check `current` against `previous` (undefined for the first unit). */
export function checkSequence(previous: ParsedNumber | undefined, current: ParsedNumber): SequenceVerdict {
  if (!previous) {
    if (current.negative) return 'ok'
    return current.base === 1 ? 'ok' : 'skipped'
  }
  const order = compareNumbers(previous, current)
  if (order === 0) return 'duplicate'
  if (order > 0) return 'backwards'
  if (current.negative)
    return previous.negative && current.base === previous.base - 1
      ? 'ok'
      : current.base === previous.base
        ? 'ok'
        : 'skipped'
  if (previous.negative) return current.base === 1 || current.base === previous.base ? 'ok' : 'skipped'
  if (current.base === previous.base) return 'ok'
  return current.base === previous.base + 1 && current.suffix === '' ? 'ok' : 'skipped'
}

/** True when `current` could start a list: 1, a, i, or an inserted-before number. */
export function isFirst(current: ParsedNumber): boolean {
  return current.negative || (current.base === 1 && current.suffix === '')
}
