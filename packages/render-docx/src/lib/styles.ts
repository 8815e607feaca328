/**
 * The Word styles of the comparison, after the Official Journal's layout:
 * Times New Roman 12 pt, justified text with space after each paragraph;
 * title lines centred and bold; "CHAPTER I" and "Article N" centred, their
 * headings centred and bold, all kept with the next paragraph (never alone
 * at the foot of a page), with outline levels for the navigation pane.
 */
import {AlignmentType} from 'docx'
import type {IStylesOptions} from 'docx'

const FONT = 'Times New Roman'

export const STYLES: IStylesOptions = {
  default: {
    document: {run: {font: FONT, size: 24}, paragraph: {spacing: {after: 120, line: 264}}}
  },
  paragraphStyles: [
    {
      id: 'ActTitle',
      name: 'Act title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: {bold: true},
      paragraph: {alignment: AlignmentType.CENTER, keepNext: true, spacing: {after: 120}}
    },
    {
      id: 'DivisionNumber',
      name: 'Division number',
      basedOn: 'Normal',
      next: 'ProvisionHeading',
      quickFormat: true,
      paragraph: {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
        spacing: {before: 360, after: 60}
      }
    },
    {
      id: 'ArticleNumber',
      name: 'Article number',
      basedOn: 'Normal',
      next: 'ProvisionHeading',
      quickFormat: true,
      run: {italics: true},
      paragraph: {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        keepLines: true,
        outlineLevel: 1,
        spacing: {before: 300, after: 60}
      }
    },
    {
      id: 'ProvisionHeading',
      name: 'Provision heading',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: {bold: true},
      paragraph: {alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: {after: 160}}
    },
    {
      id: 'CoverKicker',
      name: 'Cover kicker',
      basedOn: 'Normal',
      next: 'Normal',
      run: {smallCaps: true, size: 20, color: '555555'},
      paragraph: {alignment: AlignmentType.CENTER, spacing: {before: 240, after: 60}}
    },
    {
      id: 'CoverTitle',
      name: 'Cover title',
      basedOn: 'Normal',
      next: 'Normal',
      run: {bold: true, size: 28},
      paragraph: {alignment: AlignmentType.CENTER, spacing: {after: 200}}
    },
    {
      id: 'CoverLine',
      name: 'Cover line',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: {alignment: AlignmentType.CENTER, spacing: {after: 120}}
    },
    {
      id: 'CoverNote',
      name: 'Cover note',
      basedOn: 'Normal',
      next: 'Normal',
      run: {size: 20, italics: true},
      paragraph: {alignment: AlignmentType.CENTER, spacing: {after: 240}}
    },
    {
      id: 'SectionHeading',
      name: 'Section heading',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: {bold: true, size: 26},
      paragraph: {keepNext: true, outlineLevel: 0, spacing: {before: 360, after: 120}}
    },
    {
      id: 'SubHeading',
      name: 'Sub-heading',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: {bold: true},
      paragraph: {keepNext: true, spacing: {before: 240, after: 80}}
    },
    {
      id: 'ConclusionHeading',
      name: 'Conclusion heading',
      basedOn: 'Normal',
      next: 'ConclusionText',
      run: {bold: true, size: 22},
      paragraph: {keepNext: true, spacing: {before: 160, after: 60}}
    },
    {
      id: 'ConclusionText',
      name: 'ConclusionText',
      basedOn: 'Normal',
      next: 'Normal',
      run: {size: 22},
      paragraph: {indent: {left: 567}, spacing: {after: 80}, alignment: AlignmentType.JUSTIFIED}
    },
    {
      id: 'ListLine',
      name: 'List line',
      basedOn: 'Normal',
      next: 'Normal',
      run: {size: 22},
      paragraph: {indent: {left: 567}, spacing: {after: 60}}
    },
    {
      id: 'PageHeader',
      name: 'Page header',
      basedOn: 'Normal',
      next: 'Normal',
      run: {size: 16, color: '555555'},
      paragraph: {alignment: AlignmentType.RIGHT, spacing: {after: 0}}
    }
  ]
}

/** A4 with the Commission's margins (2.5 cm, 2 cm at the sides). */
export const PAGE = {size: {width: 11906, height: 16838}, margin: {top: 1417, bottom: 1417, left: 1134, right: 1134}}
