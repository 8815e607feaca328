/**
 * redlex tree → AKN4EU XML. Well-formed and namespaced, eIds as in the
 * tree, FRBR basics in `meta`. Lists are written the AKN4EU way (`list` with
 * `subparagraph refersTo="~INP"` / `"~WRP"`). The few things AKN cannot say
 * about the tree (a ref's several targets, a placeholder's kind) go in
 * attributes of the `urn:redlex:akn` namespace so that `fromAkn(toAkn(t))`
 * gives `t` back (positions aside).
 */
import type {
  Annex,
  Article,
  Citation,
  Conclusions,
  Division,
  Document,
  Heading,
  Inline,
  Node,
  Preamble,
  Preface,
  ProvisionContent,
  Recital,
  Table
} from '@redlex/tree'
import type {Warning} from '@redlex/tree'
import {xmlDroppedWarning, xmlSafe} from '@redlex/tree'
import {AKN_NS, REDLEX_NS} from './akn-import.js'
import {dataString, isExternalHref} from './finish.js'
import {escapeAttr, escapeText} from './xml.js'

export interface AknExportOptions {
  /** Language code for FRBRlanguage (default `en`). */
  language?: string
  /** Work date for FRBRdate, ISO `YYYY-MM-DD` (default: none known, `9999-01-01` as LEOS does). */
  date?: string
  /** Document number for FRBRnumber, e.g. `COM(2020) 568` or `2016/679`. */
  number?: string
  /**
   * Told about what could not be written exactly: characters XML 1.0 does
   * not allow (C0 controls, U+FFFE…) are dropped, with one
   * `tree/xml-invalid-character` warning.
   */
  onWarning?: ((warning: Warning) => void) | null | undefined
}

const KIND_CODE = {regulation: 'REG', directive: 'DIR', decision: 'DEC'} as const
const NCNAME = /^[A-Za-z_][\w.-]*$/

/** Serialise a redlex document as AKN4EU XML. */
export function toAkn(document: Document, options?: Readonly<AknExportOptions> | null): string {
  const dropped: string[] = []
  // The writer's own markup is plain ASCII: whatever xmlSafe drops came from the texts or the options.
  const xml = xmlSafe(new AknWriter(options ?? {}).document(document), (char) => dropped.push(char))
  const warning = xmlDroppedWarning(dropped, 'the AKN export')
  if (warning) options?.onWarning?.(warning)
  return xml
}

class AknWriter {
  private readonly ids = new Set<string>()
  constructor(private readonly options: Readonly<AknExportOptions>) {}

  document(doc: Document): string {
    const element = doc.stage === 'proposal' ? 'bill' : 'act'
    const code = KIND_CODE[doc.kind]
    const out: string[] = []
    out.push('<?xml version="1.0" encoding="UTF-8"?>')
    out.push(`<akomaNtoso xmlns="${AKN_NS}" xmlns:akn4eu="http://imfc.europa.eu/akn4eu" xmlns:redlex="${REDLEX_NS}">`)
    out.push(`<${element} name="${code}">`)
    out.push(this.meta(doc, element, code))
    const annexes: Annex[] = []
    for (const child of doc.children) {
      switch (child.type) {
        case 'preface':
          out.push(this.preface(child))
          break
        case 'preamble':
          out.push(this.preamble(child))
          break
        case 'body':
          out.push('<body>', ...child.children.map((c) => this.bodyChild(c)), '</body>')
          break
        case 'conclusions':
          out.push(this.conclusions(child))
          break
        case 'annex':
          annexes.push(child)
          break
      }
    }
    if (annexes.length > 0) out.push('<attachments>', ...annexes.map((a) => this.annex(a)), '</attachments>')
    out.push(`</${element}>`, '</akomaNtoso>', '')
    return out.join('\n')
  }

  private meta(doc: Document, element: string, code: string): string {
    const lang = this.options.language ?? 'en'
    const date = this.options.date ?? '9999-01-01'
    const number = this.options.number ?? ''
    const slug = number === '' ? 'draft' : number.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')
    const work = `/akn/eu/${element}/${doc.kind}/${date}/${slug}`
    const frbr = (level: string, uri: string, extra: string): string =>
      `<FRBR${level}><FRBRthis value="${escapeAttr(uri)}/!main"/><FRBRuri value="${escapeAttr(uri)}"/><FRBRdate date="${escapeAttr(date)}" name="${level === 'Work' ? 'adoption' : 'version'}"/><FRBRauthor href="#redlex"/>${extra}</FRBR${level}>`
    return [
      '<meta>',
      '<identification source="#redlex">',
      frbr(
        'Work',
        work,
        `<FRBRcountry value="EU"/>${number === '' ? '' : `<FRBRnumber value="${escapeAttr(number)}"/>`}<FRBRname value="${code}"/><FRBRprescriptive value="true"/>`
      ),
      frbr('Expression', `${work}/${lang}@`, `<FRBRlanguage language="${escapeAttr(lang)}"/>`),
      frbr(
        'Manifestation',
        `${work}/${lang}@/main.xml`,
        '<preservation><akn4eu:akn4euVersion value="4.2.0.0"/></preservation>'
      ),
      '</identification>',
      '<references source="#redlex">',
      '<TLCOrganization eId="redlex" href="https://redlex.eu" showAs="redlex"/>',
      `<TLCReference eId="${code}" name="docType" href="http://publications.europa.eu/resource/authority/resource-type/${code}" showAs="${doc.kind}"/>`,
      '<TLCConcept eId="INP" href="http://publications.europa.eu/resource/authority/subdivision/INP" showAs="introductory part"/>',
      '<TLCConcept eId="WRP" href="http://publications.europa.eu/resource/authority/subdivision/WRP" showAs="closing part"/>',
      '</references>',
      '</meta>'
    ].join('\n')
  }

  private preface(preface: Preface): string {
    const parts = preface.children.map((line) => {
      if (line.type === 'docNote') return `<inline name="docNote">${this.inlines(line.children)}</inline>`
      if (line.type === 'docDate') return `<docDate date="9999-01-01">${this.inlines(line.children)}</docDate>`
      return `<${line.type}>${this.inlines(line.children)}</${line.type}>`
    })
    return `<preface>\n<longTitle>\n<p>${parts.join(' ')}</p>\n</longTitle>\n</preface>`
  }

  private preamble(preamble: Preamble): string {
    const out = ['<preamble>']
    for (const child of preamble.children) {
      if (child.type === 'formula') {
        out.push(`<formula name="${child.name}">${this.ps(child.children)}</formula>`)
      } else if (child.type === 'citations') {
        out.push('<citations>', ...child.children.map((c) => this.citation(c)), '</citations>')
      } else {
        out.push('<recitals>')
        if (child.intro) out.push(`<intro>${this.ps(child.intro)}</intro>`)
        out.push(...child.children.map((r) => this.recital(r)), '</recitals>')
      }
    }
    out.push('</preamble>')
    return out.join('\n')
  }

  private citation(citation: Citation): string {
    return `<citation${this.idAttrs(citation)}>${citation.children.map((c) => `<p>${this.inlines(c.children)}</p>`).join('')}</citation>`
  }

  private recital(recital: Recital): string {
    return `<recital${this.idAttrs(recital)}>${recital.num !== undefined ? `<num>${escapeText(recital.num)}</num>` : ''}\n${this.provisionChildren(recital.children, false)}</recital>`
  }

  private bodyChild(node: Division | Article): string {
    if (node.type === 'article') {
      const heading = node.heading ? `<heading>${this.inlines(node.heading)}</heading>` : ''
      return `<article${this.idAttrs(node)}><num>${escapeText(node.num)}</num>${heading}\n${this.provisionChildren(node.children, true)}</article>`
    }
    const num = node.num !== '' ? `<num>${escapeText(node.num)}</num>` : ''
    const heading = node.heading ? `<heading>${this.inlines(node.heading)}</heading>` : ''
    return `<${node.kind}${this.idAttrs(node)}>${num}${heading}\n${node.children.map((c) => this.bodyChild(c)).join('\n')}\n</${node.kind}>`
  }

  /**
   * The children of a provision. A lone `content` is written as `<content>`;
   * otherwise the own text is wrapped as the first unnumbered unit
   * (`paragraph` in an article, `subparagraph` elsewhere) and lists as
   * AKN4EU `list`s, so the result stays schema-shaped.
   */
  private provisionChildren(children: readonly ProvisionContent[], inArticle: boolean): string {
    const first = children[0]
    if (children.length === 1 && first?.type === 'content')
      return `<content><p>${this.inlines(first.children)}</p></content>\n`
    const unitName = inArticle ? 'paragraph' : 'subparagraph'
    const out: string[] = []
    let i = 0
    while (i < children.length) {
      const child = children[i]!
      if (child.type === 'content') {
        out.push(`<${unitName}><content><p>${this.inlines(child.children)}</p></content></${unitName}>`)
        i++
      } else if (
        child.type === 'intro' ||
        child.type === 'point' ||
        child.type === 'indent' ||
        child.type === 'table' ||
        child.type === 'wrapUp'
      ) {
        const run: ProvisionContent[] = []
        if (child.type === 'intro') run.push(children[i++]!)
        while (i < children.length && ['point', 'indent', 'table'].includes(children[i]!.type)) run.push(children[i++]!)
        if (i < children.length && children[i]!.type === 'wrapUp') run.push(children[i++]!)
        if (run.length === 0) run.push(children[i++]!)
        out.push(this.list(run))
      } else if (child.type === 'paragraph') {
        out.push(
          `<paragraph${this.idAttrs(child)}><num>${escapeText(child.num ?? '')}</num>\n${this.provisionChildren(child.children, false)}</paragraph>`
        )
        i++
      } else if (child.type === 'subparagraph') {
        out.push(`<${unitName}${this.idAttrs(child)}>\n${this.provisionChildren(child.children, false)}</${unitName}>`)
        i++
      } else {
        i++
      }
    }
    return out.join('\n') + '\n'
  }

  private list(run: readonly ProvisionContent[]): string {
    const out: string[] = ['<list>']
    for (const node of run) {
      if (node.type === 'intro')
        out.push(
          `<subparagraph refersTo="~INP"><content><p>${this.inlines(node.children)}</p></content></subparagraph>`
        )
      else if (node.type === 'wrapUp')
        out.push(
          `<subparagraph refersTo="~WRP"><content><p>${this.inlines(node.children)}</p></content></subparagraph>`
        )
      else if (node.type === 'point' || node.type === 'indent') out.push(this.item(node))
      else if (node.type === 'table') out.push(this.table(node))
    }
    out.push('</list>')
    return out.join('\n')
  }

  private item(node: Extract<ProvisionContent, {type: 'point' | 'indent'}>): string {
    return `<${node.type}${this.idAttrs(node)}><num>${escapeText(node.num)}</num>\n${this.provisionChildren(node.children, false)}</${node.type}>`
  }

  private table(table: Table): string {
    const rows = table.children.map(
      (row) => `<tr>${row.children.map((cell) => `<td><p>${this.inlines(cell.children)}</p></td>`).join('')}</tr>`
    )
    return `<table>\n${rows.join('\n')}\n</table>`
  }

  private conclusions(conclusions: Conclusions): string {
    const out = ['<conclusions>']
    for (const child of conclusions.children) {
      if (child.type === 'formula') out.push(`<formula name="${child.name}">${this.ps(child.children)}</formula>`)
      else if (child.type === 'signature')
        out.push(
          `<block name="signatory"><signature>${this.inlines(child.children).replace(/\n/g, '<eol/>')}</signature></block>`
        )
      else out.push(`<p redlex:as="content">${this.inlines(child.children)}</p>`)
    }
    out.push('</conclusions>')
    return out.join('\n')
  }

  private annex(annex: Annex): string {
    const head: string[] = []
    if (annex.num !== '') head.push(`<block name="num">${escapeText(annex.num)}</block>`)
    if (annex.heading) head.push(`<block name="heading">${this.inlines(annex.heading)}</block>`)
    const body = annex.children.map((c) => this.annexChild(c))
    return [
      `<attachment${this.idAttrs(annex)}>`,
      '<doc name="ANNEX">',
      head.length > 0 ? `<preface><container name="annexHeading">${head.join('')}</container></preface>` : '',
      '<mainBody>',
      ...body,
      '</mainBody>',
      '</doc>',
      '</attachment>'
    ]
      .filter((l) => l !== '')
      .join('\n')
  }

  private annexChild(node: ProvisionContent | Heading): string {
    switch (node.type) {
      case 'heading':
        return `<block name="heading-${node.depth}">${this.inlines(node.children)}</block>`
      case 'content':
        return `<p>${this.inlines(node.children)}</p>`
      case 'intro':
      case 'wrapUp':
        return `<${node.type}><p>${this.inlines(node.children)}</p></${node.type}>`
      case 'point':
      case 'indent':
        return this.item(node)
      case 'paragraph':
        return `<paragraph${this.idAttrs(node)}><num>${escapeText(node.num ?? '')}</num>\n${this.provisionChildren(node.children, false)}</paragraph>`
      case 'subparagraph':
        return `<subparagraph${this.idAttrs(node)}>\n${this.provisionChildren(node.children, false)}</subparagraph>`
      case 'table':
        return this.table(node)
    }
  }

  // --- inline -------------------------------------------------------------------

  /** Inline content as one or more `<p>` (a line break starts a new `<p>`). */
  private ps(nodes: readonly Inline[]): string {
    const groups: Inline[][] = [[]]
    for (const node of nodes) {
      if (node.type === 'break') groups.push([])
      else groups[groups.length - 1]!.push(node)
    }
    return groups.map((g) => `<p>${this.inlines(g)}</p>`).join('')
  }

  inlines(nodes: readonly Inline[]): string {
    return nodes.map((n) => this.inline(n)).join('')
  }

  private inline(node: Inline): string {
    switch (node.type) {
      case 'text':
        return escapeText(node.value)
      case 'emphasis':
        return `<i>${this.inlines(node.children)}</i>`
      case 'strong':
        return `<b>${this.inlines(node.children)}</b>`
      case 'break':
        return '<eol/>'
      case 'authorialNote':
        return `<authorialNote marker="${escapeAttr(node.marker)}" placement="bottom">${this.ps(node.children)}</authorialNote>`
      case 'link':
        return `<a href="${escapeAttr(node.url)}">${this.inlines(node.children)}</a>`
      case 'quotedText':
        return `<quotedText startQuote="${escapeAttr(node.startQuote)}" endQuote="${escapeAttr(node.endQuote)}">${this.inlines(node.children)}</quotedText>`
      case 'placeholder': {
        const reason = node.reason !== undefined ? ` redlex:reason="${escapeAttr(node.reason)}"` : ''
        return `<placeholder redlex:kind="${node.kind}"${reason}>[${escapeText(node.value)}]</placeholder>`
      }
      case 'ref': {
        const kept = dataString(node, 'href')
        const href = kept ?? (node.targets[0] !== undefined ? '#' + node.targets[0] : '')
        let attrs = ` href="${escapeAttr(href)}"`
        if (node.targets.length > 1 || (node.targets.length === 1 && kept !== undefined))
          attrs += ` redlex:targets="${escapeAttr(node.targets.join(' '))}"`
        if (node.external && !isExternalHref(href)) attrs += ' redlex:external="true"'
        if (node.range) attrs += ' redlex:range="true"'
        return `<ref${attrs}>${escapeText(node.value)}</ref>`
      }
    }
  }

  // --- identity -------------------------------------------------------------------

  private idAttrs(node: Node & {eId: string}): string {
    let out = node.eId !== '' ? ` eId="${escapeAttr(node.eId)}"` : ''
    const aknId = dataString(node, 'aknId')
    if (aknId !== undefined) {
      if (NCNAME.test(aknId) && !this.ids.has(aknId)) {
        this.ids.add(aknId)
        out += ` xml:id="${escapeAttr(aknId)}"`
      } else {
        out += ` redlex:aknId="${escapeAttr(aknId)}"`
      }
    }
    return out
  }
}
