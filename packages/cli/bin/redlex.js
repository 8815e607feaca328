#!/usr/bin/env node
// The `redlex` command. This file is in the source tree (not built) so that
// package managers can link the command before the build has run; the
// compiled CLI is loaded from dist/.
import '../dist/bin.js'
