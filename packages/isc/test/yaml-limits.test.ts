/** An ISC record that is a YAML alias bomb is a coded error, not a crash. */
import {describe, expect, it} from 'vitest'
import {loadIscRecord} from '@redlex/isc'
import {isRedlexError} from '@redlex/tree'

const record = `reference: ISC/2020/00001
date: 2020-09-02
procedure: normal
leadServices: [HOME]
services: [{service: SJ, opinion: positive}]
conclusions: []
`

describe('loadIscRecord and YAML aliases', () => {
  it('rejects an alias bomb with isc/yaml-unreadable', () => {
    const lines = ['note: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 12; i++)
      lines.push(`x${i}: &a${i} [${Array.from({length: 10}, () => `*a${i - 1}`).join(', ')}]`)
    let caught: unknown
    try {
      loadIscRecord(record + lines.join('\n') + '\n', {file: 'isc.yaml'})
    } catch (error) {
      caught = error
    }
    expect(isRedlexError(caught)).toBe(true)
    expect(caught).toMatchObject({code: 'isc/yaml-unreadable', file: 'isc.yaml'})
  })

  it('still reads a record with a few aliases', () => {
    const text = record.replace('leadServices: [HOME]', 'leadServices: &lead [HOME]') + 'pointsForPoliticalLevel: []\n'
    expect(loadIscRecord(text).leadServices).toEqual(['HOME'])
  })
})
