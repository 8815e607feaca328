export {toDocx} from './lib/docx.js'
export type {DocxOptions} from './lib/docx.js'
