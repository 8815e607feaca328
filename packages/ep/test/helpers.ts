/** A small proposal the fixture amendments apply to, written with the tree builders. */
import {readFileSync} from 'node:fs'
import {
  article,
  assignEids,
  content,
  documentOf,
  indent,
  inlineText,
  intro,
  listProvisions,
  paragraph,
  point,
  recital,
  type Document,
  type Provision
} from '@redlex/tree'
import {plainText} from '@redlex/amend'
import {normalise} from '@redlex/ep'

export function fixtureHtml(): string {
  return readFileSync(new URL('fixtures/amendments.html', import.meta.url), 'utf8')
}

export function proposal(): Document {
  return assignEids(
    documentOf([
      {
        type: 'preamble',
        children: [
          {
            type: 'citations',
            children: [
              {
                type: 'citation',
                eId: '',
                children: [content('Having regard to the Treaty on the Functioning of the European Union,')]
              },
              {
                type: 'citation',
                eId: '',
                children: [content('Having regard to the proposal from the European Commission,')]
              }
            ]
          },
          {
            type: 'recitals',
            children: [
              recital('(1)', [
                content([
                  'Widgets are sometimes useful',
                  {type: 'authorialNote', marker: '2', children: [{type: 'text', value: 'OJ C 1, 1.1.2098, p. 1.'}]},
                  ' for citizens.'
                ])
              ]),
              recital('(2)', [content('Widgets should be safe.')])
            ]
          }
        ]
      },
      {
        type: 'body',
        children: [
          article('Article 1', 'Subject matter', [
            paragraph('1.', [content('This Regulation lays down harmonised rules on widgets.')]),
            paragraph('2.', [content('It applies from 2100.')])
          ]),
          article('Article 2', 'Definitions', [
            paragraph('1.', [
              intro('For the purposes of this Regulation:'),
              point('(a)', [content('‘widget’ means a small electronic device;')]),
              point('(b)', [
                intro('‘coloured widget’ means one of these:'),
                indent([content('red ones;')]),
                indent([content('blue ones;')])
              ])
            ])
          ]),
          article('Article 3', 'Obligations of States', [
            paragraph('1.', [
              intro('Member States shall ensure:'),
              point('(a)', [content('safety;')]),
              point('(b)', [content('quality.')])
            ])
          ]),
          article('Article 4', 'Reports', [
            paragraph('1.', [content('The report shall cover the report period.')]),
            paragraph('2.', [content('This paragraph goes.')])
          ])
        ]
      }
    ])
  ).document
}

/** A unit's words as the EP prints them: numbers, headings and text, footnotes left out, whitespace normalised. */
export function unitWords(node: Provision, options?: {heading?: boolean}): string {
  const out: string[] = []
  for (const {node: unit} of listProvisions(node)) {
    if (unit.num && unit.type !== 'citation') out.push(unit.num)
    if (options?.heading !== false && 'heading' in unit && unit.heading) out.push(inlineText(unit.heading))
    for (const c of 'children' in unit ? (unit.children as Array<{type: string; children?: unknown}>) : []) {
      if (c.type === 'content' || c.type === 'intro' || c.type === 'wrapUp') out.push(plainText(c.children as never))
    }
  }
  return normalise(out.join(' '))
}

/** An EP plenary page: one table per amendment (number, address, Commission lines, EP lines). */
export function epPage(amendments: ReadonlyArray<[string, string, string[], string[]]>): string {
  const cell = (lines: string[], added: boolean) =>
    lines.length === 0
      ? '<p class="oj-normal"> </p>'
      : lines
          .map((l) =>
            added && l !== 'deleted'
              ? `<p class="oj-normal"><span class="oj-bold"><span class="oj-italic">${l}</span></span></p>`
              : `<p class="oj-normal">${l}</p>`
          )
          .join('')
  const tables = amendments.map(
    ([n, target, left, right]) => `<p class="oj-ti-grseq-1"><span class="oj-bold">Amendment ${n}</span></p>
<p class="oj-ti-grseq-1"><span class="oj-bold">Proposal for a regulation</span></p>
<p class="oj-ti-grseq-1"><span class="oj-bold">${target}</span></p>
<table class="oj-table"><tr><td><p class="oj-tbl-hdr">Text proposed by the Commission</p></td><td><p class="oj-tbl-hdr">Amendment</p></td></tr>
<tr><td>${cell(left, false)}</td><td>${cell(right, true)}</td></tr></table>`
  )
  return `<html><body><p class="oj-doc-ti">P9_TA(2099)0002</p>
<p class="oj-doc-ti">Amendments adopted by the European Parliament on 4 March 2099 on the proposal for a regulation on gadgets</p>
${tables.join('\n')}</body></html>`
}
