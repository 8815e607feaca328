/**
 * `@redlex/formats/xml-html`: the same importers without the Markdown reader
 * (so that the CLI comparing two published acts does not load unified and
 * remark). It must export what `@redlex/formats` exports, import every other
 * format the same, and refuse Markdown with a coded error, never misread it.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import * as full from '@redlex/formats'
import * as light from '@redlex/formats/xml-html'
import {isRedlexError} from '@redlex/tree'

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')

describe('@redlex/formats/xml-html', () => {
  it('should export every function of @redlex/formats, the same ones but importDocument', () => {
    const fullExports: Record<string, unknown> = {...full}
    const lightExports: Record<string, unknown> = {...light}
    expect(Object.keys(lightExports).sort()).toEqual(Object.keys(fullExports).sort())
    for (const [name, value] of Object.entries(fullExports)) {
      if (name !== 'importDocument') expect(lightExports[name], name).toBe(value)
    }
  })

  it.each(['formex-cons-act.xml', 'cellar-leos-2022.html', 'eurlex-oj-act.html', 'akn-whereas-in-recital.xml'])(
    'should import %s exactly as importDocument of @redlex/formats does',
    (name) => {
      const text = fixture(name)
      const options = {file: name}
      const result = light.importDocument(text, options)
      expect(result).toEqual(full.importDocument(text, options))
      expect(result.document.children.length).toBeGreaterThan(0)
    }
  )

  it('should refuse Markdown with formats/markdown-unavailable, naming the entry that reads it', () => {
    const markdown = '# Regulation (EU) 2099/1\n\n### Article 1\n\nThis Regulation applies.\n'
    expect(full.importDocument(markdown).format).toBe('markdown')
    let error: unknown
    try {
      light.importDocument(markdown, {file: 'draft.md'})
    } catch (caught) {
      error = caught
    }
    expect(isRedlexError(error)).toBe(true)
    expect(error).toMatchObject({code: 'formats/markdown-unavailable', file: 'draft.md'})
    expect((error as Error).message).toContain('@redlex/formats/xml-html')
    expect((error as {hint?: string}).hint).toContain('@redlex/formats')
  })
})
