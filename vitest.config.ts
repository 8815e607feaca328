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
      {find: /^redlex\/core$/, replacement: packages + 'redlex/src/core.ts'}
    ]
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
