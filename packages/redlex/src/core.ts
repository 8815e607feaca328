// The two calls and the change-log file, without the importers and renderers
// that `redlex` also exports: for programs that load only what they use.
export {applyIsc} from './lib/isc.js'
export type {ApplyIscOptions, IscApplied} from './lib/isc.js'
export {redline} from './lib/redline.js'
export type {RedlineOptions} from './lib/redline.js'
export {CHANGE_LOG_SCHEMA_VERSION, changeLogFile} from './lib/change-log.js'
export type {ChangeLogFile} from './lib/change-log.js'
