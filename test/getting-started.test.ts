/**
 * The JavaScript example of docs/getting-started.md runs, against the built
 * packages as a user would import them, and prints what the page says.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const page = readFileSync(new URL('../docs/getting-started.md', import.meta.url), 'utf8')
const built = existsSync(new URL('../packages/redlex/dist/index.js', import.meta.url))

describe.skipIf(!built)('docs/getting-started.md', () => {
  it('should print what it says, with the causes the record gives', () => {
    const code = /## Use the packages[\s\S]*?```js\n([\s\S]*?)```/.exec(page)?.[1]
    const says = /it prints\s+`([^`]+)`/.exec(page)?.[1]
    expect(code).toBeDefined()
    expect(says).toBeDefined()
    const cwd = fileURLToPath(new URL('../examples/eprivacy-derogation/', import.meta.url))
    const printed = execFileSync(process.execPath, ['--input-type=module', '-e', code!], {cwd, encoding: 'utf8'})
    expect(printed.trim()).toBe(says)
  })
})
