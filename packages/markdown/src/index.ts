export {fromMarkdown, parseMarkdown} from './lib/parse.js'
export type {ParseOptions, ParseResult} from './lib/parse.js'
export {toMarkdown} from './lib/serialize.js'
export {format} from './lib/format.js'
