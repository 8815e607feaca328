#!/usr/bin/env node
// The `redlex` command. This file is in the source tree (not built) so that
// package managers can link the command before the build has run; the
// compiled CLI is loaded from dist/.
import {setFlagsFromString} from 'node:v8'

// A command runs each function of a comparison once over a whole act, so V8's
// default eagerness to optimise spends more CPU compiling hot loops (on its
// helper threads) than the optimised code saves: with a larger interrupt
// budget only the really hot functions are optimised. Same output, about a
// fifth less CPU for a whole comparison (docs/performance.md). Set before the
// CLI's modules are loaded, hence the dynamic import below.
setFlagsFromString('--interrupt-budget=1000000')

await import('../dist/bin.js')
