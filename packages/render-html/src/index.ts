export {escapeHtml, toHtml} from './lib/html.js'
export type {HtmlOptions} from './lib/html.js'
