#!/usr/bin/env node
import {run} from './lib/main.js'

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY)
})
process.exitCode = code
