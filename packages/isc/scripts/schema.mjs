#!/usr/bin/env node
/**
 * Write schema/isc-record.schema.json from the checks the validators run:
 * `iscRecordSchema()` of @redlex/isc (the record's fields) with
 * `amendmentSchemaDefs()` of @redlex/amend (the amendments). The published
 * schema says what the validator accepts. Run after changing a field or an
 * amendment type:
 *
 *   npx -y pnpm@10 run build && node packages/isc/scripts/schema.mjs
 *
 * packages/isc/test/schema.test.ts fails when the file and the code differ.
 */
import {writeFileSync} from 'node:fs'

const file = new URL('../schema/isc-record.schema.json', import.meta.url)
const {iscRecordSchema} = await import(new URL('../dist/index.js', import.meta.url).href)
writeFileSync(file, JSON.stringify(iscRecordSchema(), null, 2) + '\n')
console.log(`${file.pathname}: written from the validators' checks`)
