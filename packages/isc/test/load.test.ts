import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {RedlexError} from '@redlex/tree'
import {amendmentsOf, checkIscRecordText, loadIscRecord, validateIscRecord, type IscRecord} from '@redlex/isc'
import {validateAmendments} from '@redlex/amend'

const exampleText = readFileSync(new URL('../../../examples/eprivacy-derogation/isc.yaml', import.meta.url), 'utf8')

function failure(fn: () => unknown): RedlexError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(RedlexError)
    return error as RedlexError
  }
  throw new Error('expected a RedlexError')
}

const where = (e: RedlexError): string => {
  const p = e.place && 'start' in e.place ? e.place.start : e.place
  return `${e.file ?? ''}:${p?.line}:${p?.column}`
}

const minimal = `reference: ISC/2020/06507
date: 2020-09-02
procedure: normal
leadServices: [HOME]
services:
  - service: SJ
    opinion: positive-with-comments
    comments:
      - text: Recital 3 should explain the legal basis.
        about: rec_3
conclusions:
  - id: c1
    text: Explain the legal basis.
    requestedBy: [SJ]
    amendments:
      - id: a1
        type: substitute
        target: rec_3
        text: basis
        by: legal basis
`

describe('loadIscRecord', () => {
  it('reads YAML and the same record as JSON', () => {
    const record = loadIscRecord(minimal, {file: 'isc.yaml'})
    expect(record.services[0]).toEqual({
      service: 'SJ',
      opinion: 'positive-with-comments',
      comments: [{text: 'Recital 3 should explain the legal basis.', about: 'rec_3'}]
    })
    expect(loadIscRecord(JSON.stringify(record, null, 2), {file: 'isc.json'})).toEqual(record)
  })

  it('reports errors with file:line:col and the JSON path', () => {
    const cases: Array<[string, string, string, string]> = [
      [minimal.replace('procedure: normal', 'procedure: urgent'), 'isc/invalid-field', 'procedure', 'isc.yaml:3:12'],
      [minimal.replace('date: 2020-09-02', 'date: 2020-09-31'), 'isc/invalid-date', 'date', 'isc.yaml:2:7'],
      [
        minimal.replace('opinion: positive-with-comments', 'opinion: favourable'),
        'isc/invalid-field',
        'services[0].opinion',
        'isc.yaml:7:14'
      ],
      [
        minimal.replace('      - text: Recital 3 should explain the legal basis.\n', '      - redacted: false\n'),
        'isc/invalid-field',
        'services[0].comments[0]',
        'isc.yaml:9:9'
      ],
      [
        minimal.replace('        type: substitute', '        type: substitue'),
        'amend/unknown-type',
        'conclusions[0].amendments[0].type',
        'isc.yaml:17:15'
      ],
      [
        minimal.replace('        target: rec_3\n', ''),
        'amend/missing-field',
        'conclusions[0].amendments[0]',
        'isc.yaml:16:9'
      ],
      [
        minimal.replace('leadServices: [HOME]', 'leadServices: [HOME]\nchairman: X'),
        'isc/unknown-field',
        'chairman',
        'isc.yaml:5:11'
      ],
      [
        minimal + 'pointsForPoliticalLevel:\n  - text: Scope.\n    conclusions: [c9]\n',
        'isc/unknown-conclusion',
        'pointsForPoliticalLevel[0].conclusions[0]',
        'isc.yaml:23:19'
      ],
      [minimal + 'approvalDate: 2020-09-01\n', 'isc/date-order', 'approvalDate', 'isc.yaml:21:15'],
      [
        minimal.replace('      - id: a1\n', '      - id: a1\n        provenance: {conclusion: c2}\n'),
        'isc/provenance-mismatch',
        'conclusions[0].amendments[0].provenance.conclusion',
        'isc.yaml:17:34'
      ],
      [
        minimal.replace('  - service: SJ', '  - service: SJ\n    opinion: negative\n  - service: SJ'),
        'isc/duplicate-service',
        'services[1].service',
        'isc.yaml:8:14'
      ],
      [minimal.replace('procedure: normal', 'procedure: [normal'), 'isc/yaml-syntax', '', '']
    ]
    for (const [text, code, path, place] of cases) {
      const e = failure(() => loadIscRecord(text, {file: 'isc.yaml'}))
      expect(e.code, text).toBe(code)
      if (path) {
        expect(e.path).toBe(path)
        expect(where(e)).toBe(place)
        expect(e.message.startsWith(place + ': ')).toBe(true)
      } else {
        expect(e.file).toBe('isc.yaml')
        expect(e.place).toBeDefined()
      }
    }
  })

  it('names the amendment, its conclusion and its place for an anchor of a term that has not started', () => {
    const text = minimal + '      - id: sunset\n        type: sunset\n        date: ep-term-end:11\n'
    const e = failure(() => loadIscRecord(text, {file: 'isc.yaml'}))
    expect(e).toMatchObject({
      code: 'amend/ep-term-not-started',
      amendment: 'sunset',
      conclusion: 'c1',
      path: 'conclusions[0].amendments[1].date'
    })
    expect(where(e)).toBe('isc.yaml:23:15')
    expect(e.message).toContain('(amendment sunset, conclusion c1)')
  })

  it('validates plain data without a file (paths only)', () => {
    const e = failure(() => validateIscRecord({reference: 'ISC/2020/06507'}))
    expect([e.code, e.path]).toEqual(['isc/missing-field', undefined])
    expect(e.message).toContain('`date` is missing')
  })
})

describe('checkIscRecord: every problem at once', () => {
  it('lists each malformation with its place, path, conclusion and amendment, and keeps the well-formed amendments', () => {
    const text = minimal
      .replace('date: 2020-09-02', 'date: 2020-13-01\napprovalDate: 2020-01-01')
      .replace('opinion: positive-with-comments', 'opinion: fine')
      .replace(
        '        by: legal basis\n',
        '        by: legal basis\n      - {id: a2, type: delete}\n      - {id: a1, type: delete, target: art_1}\n      - {id: a3, type: delete, target: art_2}\n'
      )
      .concat('  - id: c2\n    text: [not, text]\n')
    const {record, problems, amendments} = checkIscRecordText(text, {file: 'isc.yaml'})
    expect(record).toBeUndefined()
    expect(problems.map((e) => [e.code, e.path, where(e), e.conclusion, e.amendment])).toEqual([
      ['isc/invalid-date', 'date', 'isc.yaml:2:7', undefined, undefined],
      ['isc/invalid-field', 'services[0].opinion', 'isc.yaml:8:14', undefined, undefined],
      ['amend/missing-field', 'conclusions[0].amendments[1]', 'isc.yaml:22:9', 'c1', 'a2'],
      ['amend/duplicate-id', 'conclusions[0].amendments[2].id', 'isc.yaml:23:14', 'c1', 'a1'],
      ['isc/invalid-field', 'conclusions[1].text', 'isc.yaml:26:11', 'c2', undefined]
    ])
    // the two dates are not compared while one of them is not a date; the well-formed amendments of c1 remain
    expect(amendments.map((a) => [a.id, a.provenance?.conclusion])).toEqual([
      ['a1', 'c1'],
      ['a3', 'c1']
    ])
    // the first of them is what loadIscRecord throws
    expect(failure(() => loadIscRecord(text, {file: 'isc.yaml'})).code).toBe('isc/invalid-date')
  })

  it('validateAmendments reports every problem of a plain list, and the well-formed items', () => {
    const {amendments, problems} = validateAmendments([
      {id: 'a', type: 'delete', target: 'art_1', extra: 1},
      {id: 'b', type: 'sunset', date: 'moon-phase:3'},
      {id: 'c', type: 'delete', target: 'art_2'},
      {type: 'delete', target: 'art_3'}
    ])
    expect(problems.map((e) => [e.code, e.path, e.amendment])).toEqual([
      ['amend/unknown-field', '[0].extra', 'a'],
      ['amend/unknown-date-anchor', '[1].date', 'b'],
      ['amend/missing-field', '[3]', undefined]
    ])
    expect(amendments.map((a) => a.id)).toEqual(['c'])
  })
})

describe('amendmentsOf', () => {
  it('fills provenance from the conclusion and keeps the amendment’s own', () => {
    const record: IscRecord = loadIscRecord(minimal)
    record.conclusions.push({
      id: 'c2',
      text: 'T',
      requestedBy: ['HOME'],
      amendments: [{id: 'a2', type: 'delete', target: 'art_9', provenance: {services: ['SG'], note: 'own'}}]
    })
    expect(amendmentsOf(record).map((a) => [a.id, a.provenance])).toEqual([
      ['a1', {conclusion: 'c1', services: ['SJ']}],
      ['a2', {conclusion: 'c2', services: ['SG'], note: 'own'}]
    ])
  })

  it('flattens the example in conclusion order', () => {
    const record = loadIscRecord(exampleText, {file: 'isc.yaml'})
    const list = amendmentsOf(record)
    expect(list.map((a) => `${a.provenance?.conclusion}:${a.type}`)).toEqual([
      '1:placeholder',
      '1:substitute',
      '1:delete',
      '1:delete',
      '1:placeholder',
      '2:sunset',
      '2:moveRepealToRecitals',
      '3:substitute',
      '3:insert',
      '3:substitute'
    ])
    expect(record.conclusions[0]!.amendments![0]!.provenance).toBeUndefined()
  })
})

describe('application errors point into the record', () => {
  it('absent and ambiguous quoted text: code, amendment, conclusion and file:line:col', async () => {
    const {amendmentPlaces, applyAmendments} = await import('@redlex/amend')
    const {fromMarkdown} = await import('@redlex/markdown')
    const draft = fromMarkdown(
      readFileSync(new URL('../../../examples/eprivacy-derogation/pre-isc.md', import.meta.url), 'utf8')
    )
    const absent = exampleText.replace(
      'text: electronic communication sector',
      'text: electronic telecommunication sector'
    )
    const e1 = failure(() =>
      applyAmendments(draft, amendmentsOf(loadIscRecord(absent)), {file: 'isc.yaml', places: amendmentPlaces(absent)})
    )
    expect(e1).toMatchObject({
      code: 'amend/text-not-found',
      amendment: 'rec1-terminology',
      conclusion: '3',
      eId: 'rec_1'
    })
    expect(where(e1)).toBe(
      `isc.yaml:${absent.split('\n').findIndex((l) => l.includes('- id: rec1-terminology')) + 1}:9`
    )
    expect(e1.actual).toContain('in the electronic communication sector.')
    const ambiguous = exampleText.replace('text: referred to in Article 3\n', 'text: should\n')
    const e2 = failure(() =>
      applyAmendments(draft, amendmentsOf(loadIscRecord(ambiguous)), {
        file: 'isc.yaml',
        places: amendmentPlaces(ambiguous)
      })
    )
    expect(e2).toMatchObject({code: 'amend/text-ambiguous', amendment: 'rec5-wording', conclusion: '3'})
    expect(where(e2)).toBe(`isc.yaml:${ambiguous.split('\n').findIndex((l) => l.includes('- id: rec5-wording')) + 1}:9`)
  })
})
