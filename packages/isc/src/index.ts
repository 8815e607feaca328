export type * from './lib/types.js'
export {OPINIONS} from './lib/types.js'
export {loadIscRecord, validateIscRecord} from './lib/load.js'
export {amendmentsOf} from './lib/amendments.js'
