/**
 * The eIds of one text mapped to the eIds of another, as ProseMirror's
 * `Mapping` maps positions: what an application of amendments did to every
 * provision's address. `map(eId)` follows a provision through it (renamed,
 * kept, or deleted); mappings compose (`a.compose(b)`: through a, then b)
 * and invert (`invert()`: back, with inserted units becoming deleted ones).
 */
export class EidMapping {
  /** Every source eId → its eId in the target, or null when it was deleted. */
  readonly #forward: ReadonlyMap<string, string | null>
  /** Target eIds no source eId maps to: the units inserted. */
  readonly #inserted: ReadonlySet<string>

  /**
   * `forward` names every eId of the source (null: deleted); `inserted` the
   * target eIds that come from no source eId. Throws a TypeError when two
   * source eIds map to one target eId (an eId names one provision).
   */
  constructor(forward: Iterable<readonly [string, string | null]>, inserted: Iterable<string> = []) {
    const map = new Map<string, string | null>()
    const seen = new Set<string>()
    for (const [from, to] of forward) {
      if (to !== null) {
        if (seen.has(to)) throw new TypeError(`Two eIds map to ${to}`)
        seen.add(to)
      }
      map.set(from, to)
    }
    const added = new Set<string>()
    for (const eId of inserted) {
      if (seen.has(eId)) throw new TypeError(`${eId} is both mapped to and inserted`)
      added.add(eId)
    }
    this.#forward = map
    this.#inserted = added
  }

  /** The mapping that changes nothing over `eIds`. */
  static identity(eIds: Iterable<string>): EidMapping {
    return new EidMapping([...eIds].map((eId) => [eId, eId] as const))
  }

  /**
   * The eId `eId` (of the source) has in the target: itself when nothing
   * renamed it, `null` when it was deleted, `undefined` when the source has
   * no such eId.
   */
  map(eId: string): string | null | undefined {
    return this.#forward.get(eId)
  }

  /** True when `eId` names a provision of the source. */
  has(eId: string): boolean {
    return this.#forward.has(eId)
  }

  /** This mapping, then `next` (whose source is this one's target). */
  compose(next: EidMapping): EidMapping {
    const forward: Array<[string, string | null]> = []
    for (const [from, to] of this.#forward) forward.push([from, to === null ? null : (next.map(to) ?? null)])
    const inserted = new Set(next.inserted)
    for (const eId of this.#inserted) {
      const to = next.map(eId)
      if (to !== null && to !== undefined) inserted.add(to)
    }
    return new EidMapping(forward, inserted)
  }

  /** From the target back to the source: inserted units map to null, deleted ones are inserted. */
  invert(): EidMapping {
    const back: Array<[string, string | null]> = []
    const restored: string[] = []
    for (const [from, to] of this.#forward) {
      if (to === null) restored.push(from)
      else back.push([to, from])
    }
    for (const eId of this.#inserted) back.push([eId, null])
    return new EidMapping(back, restored)
  }

  /** Source eIds whose eId changed → their new eId (deleted ones left out). */
  get renames(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [from, to] of this.#forward) if (to !== null && to !== from) out[from] = to
    return out
  }

  /** Source eIds that were deleted, in source order. */
  get deleted(): string[] {
    return [...this.#forward].filter(([, to]) => to === null).map(([from]) => from)
  }

  /** Target eIds that come from no source eId. */
  get inserted(): string[] {
    return [...this.#inserted]
  }

  /** Plain data: `{map: {source: target | null}, inserted: [...]}`. */
  toJSON(): {map: Record<string, string | null>; inserted: string[]} {
    return {map: Object.fromEntries(this.#forward), inserted: [...this.#inserted]}
  }
}
