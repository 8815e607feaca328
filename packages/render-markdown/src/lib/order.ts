/**
 * Document order of a comparison: the frame (title lines, formulas,
 * signatures) and the top-level provisions interleaved as in the act —
 * preface, acting entity, citations, `Whereas:`, recitals, enacting
 * formula, enacting terms, conclusions, annexes.
 */
import type {Comparison, FrameChange, ProvisionChange} from '@redlex/compare'

/** One top-level item of a comparison, in document order. */
export type OrderedItem = {type: 'frame'; frame: FrameChange} | {type: 'provision'; change: ProvisionChange}

/** The frame and the top-level provision changes of `comparison`, interleaved in document order. */
export function documentOrder(comparison: Comparison): OrderedItem[] {
  // Slots: 0 preface, 1 acting entity, 2 citations, 3 other preamble lines
  // (`Whereas:`), 4 recitals, 5 enacting formula, 6 body, 7 conclusions, 8 annexes.
  const slots: OrderedItem[][] = Array.from({length: 9}, () => [])
  for (const frame of comparison.frame) {
    const slot = frame.part === 'preface' ? 0
      : frame.part === 'conclusions' ? 7
        : frame.name === 'actingEntity' ? 1
          : frame.name === 'enactingFormula' ? 5 : 3
    slots[slot]!.push({type: 'frame', frame})
  }
  for (const change of comparison.changes) {
    const slot = change.kind === 'citation' ? 2 : change.kind === 'recital' ? 4 : change.kind === 'annex' ? 8 : 6
    slots[slot]!.push({type: 'provision', change})
  }
  return slots.flat()
}
