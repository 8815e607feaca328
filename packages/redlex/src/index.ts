// The common job in one package: apply an ISC record, compare with causes, render.
export * from './core.js'

// What the common job needs besides, so that one import does.
export {isRedlexError, RedlexError} from '@redlex/tree'
export type {Document} from '@redlex/tree'
export {fromMarkdown, toMarkdown} from '@redlex/markdown'
export {detectFormat, importDocument} from '@redlex/formats'
export {loadIscRecord} from '@redlex/isc'
export type {IscRecord} from '@redlex/isc'
export {compareDocuments, verify} from '@redlex/compare'
export type {ChangeLogEntry, Comparison} from '@redlex/compare'
export {toMarkdownRedline} from '@redlex/render-markdown'
export {toHtml} from '@redlex/render-html'
export {toDocx} from '@redlex/render-docx'
