import {fileURLToPath} from 'node:url'
import {defineConfig} from 'vitest/config'

// Tests import the packages from source (packages/<name>/src/index.ts), so
// `vitest` needs no build; `pnpm test` type-checks and builds first anyway.
const packages = fileURLToPath(new URL('packages/', import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      {find: /^@redlex\/([a-z-]+)$/, replacement: packages + '$1/src/index.ts'},
      {find: /^redlex$/, replacement: packages + 'redlex/src/index.ts'},
      // Entry points besides the main one: `@redlex/formats/xml-html`, `redlex/core`, `redlex/redline`.
      {find: /^@redlex\/([a-z-]+)\/([a-z-]+)$/, replacement: packages + '$1/src/$2.ts'},
      {find: /^redlex\/([a-z-]+)$/, replacement: packages + 'redlex/src/$1.ts'}
    ]
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Lets a worker answer the main process between tests (see the file).
    setupFiles: ['test/setup/yield-between-tests.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
