export {escapeLines, escapeMarkdown, toMarkdownRedline} from './lib/markdown.js'
export type {MarkdownOptions} from './lib/markdown.js'
