// `redline` alone, without `applyIsc`: for programs that only compare (the `redlex compare`
// command without a record) and should not load @redlex/amend, @redlex/isc and @redlex/markdown.
export {redline} from './lib/redline.js'
export type {RedlineOptions} from './lib/redline.js'
