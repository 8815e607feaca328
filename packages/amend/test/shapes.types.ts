/**
 * Compile-time checks (`npx tsc -p tsconfig.test.json`, part of the test
 * command): the types that are not inferred from the validator's shapes
 * equal the ones that are. `Provenance` is @redlex/tree's (the change-log
 * contract, which cannot depend on @redlex/amend); the `PROVENANCE` shape
 * validates it. A field added to one and not the other fails the build.
 */
import type {Provenance} from '@redlex/tree'
import type {Amendment, AmendmentBase} from '@redlex/amend'
import type {Infer} from '../src/lib/shape.js'
import type {PROVENANCE} from '../src/lib/validate.js'

/** True when X and Y are the same type (each assignable to the other, optional and readonly modifiers alike). */
export type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false
export type Expect<T extends true> = T

export type Checks = [
  Expect<Equal<Infer<typeof PROVENANCE>, Provenance>>,
  // every amendment type has the base fields
  Expect<Amendment extends AmendmentBase ? true : false>
]
