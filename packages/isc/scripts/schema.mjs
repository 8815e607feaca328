#!/usr/bin/env node
/**
 * Rewrite the amendment part of schema/isc-record.schema.json from the
 * checks @redlex/amend runs (`amendmentSchemaDefs`): the published schema
 * says what the validator accepts. Run after changing an amendment type:
 *
 *   npx -y pnpm@10 run build && node packages/isc/scripts/schema.mjs
 *
 * packages/isc/test/schema.test.ts fails when the file and the code differ.
 */
import {readFileSync, writeFileSync} from 'node:fs'

const file = new URL('../schema/isc-record.schema.json', import.meta.url)
const {amendmentSchemaDefs} = await import(new URL('../../amend/dist/index.js', import.meta.url).href)
const schema = JSON.parse(readFileSync(file, 'utf8'))
schema.$defs = {...schema.$defs, ...amendmentSchemaDefs()}
writeFileSync(file, JSON.stringify(schema, null, 2) + '\n')
console.log(`${file.pathname}: amendment definitions rewritten`)
