#!/usr/bin/env node
/**
 * Look at the outputs and measure their print (not a test: it needs
 * Chromium, LibreOffice and poppler, and skips what is missing). Run after a
 * build:
 *
 *   npx -y pnpm@10 run build && node test/bench/look.mjs
 *
 * For the ePrivacy-derogation example (pre-ISC draft → post-ISC text, with
 * its ISC record) and, when ../shared/corpus is present, the DSA pair
 * (proposal COM(2020) 825 → Regulation (EU) 2022/2065) it renders the HTML
 * and Word comparisons into out/look/, then:
 *
 *   - prints each HTML file from headless Chromium (A4, the print
 *     stylesheet) and reports the number of pages;
 *   - converts each Word file to PDF with LibreOffice (`soffice --headless`)
 *     and reports its pages too;
 *   - with LOOK_SCREENSHOTS=1, writes the screenshots shown in the docs to
 *     docs/img/ (HTML screenshots from Chromium; Word pages rendered by
 *     LibreOffice and `pdftoppm`).
 *
 * Environment: CHROMIUM (browser path, default /usr/bin/chromium),
 * LOOK_PAIRS (comma list: example,dsa).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {applyAmendments} from '@redlex/amend'
import {compareDocuments} from '@redlex/compare'
import {importDocument} from '@redlex/formats'
import {amendmentsOf, loadIscRecord} from '@redlex/isc'
import {fromMarkdown, parseFragment} from '@redlex/markdown'
import {toDocx} from '@redlex/render-docx'
import {toHtml} from '@redlex/render-html'
import {withBrowser} from './browser.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const out = join(root, 'out/look')
const img = join(root, 'docs/img')
const screenshots = process.env.LOOK_SCREENSHOTS === '1'
const pairs = (process.env.LOOK_PAIRS ?? 'example,dsa').split(',')
mkdirSync(out, {recursive: true})
if (screenshots) mkdirSync(img, {recursive: true})

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

function example() {
  const dir = join(root, 'examples/eprivacy-derogation')
  const pre = fromMarkdown(readFileSync(join(dir, 'pre-isc.md'), 'utf8'), {file: 'pre-isc.md'})
  const record = loadIscRecord(readFileSync(join(dir, 'isc.yaml'), 'utf8'), {file: 'isc.yaml'})
  const applied = applyAmendments(pre, amendmentsOf(record), {renumber: 'sequential', parseFragment})
  const comparison = compareDocuments(pre, applied.document, {
    names: {before: 'pre-ISC draft', after: 'post-ISC text'},
    log: applied.log,
    renames: applied.renames,
    isc: record
  })
  return {name: 'example', comparison, date: record.date}
}

function dsa() {
  const corpus = join(root, '../shared/corpus/dsa')
  if (!existsSync(corpus)) return undefined
  const load = (file) => importDocument(readFileSync(join(corpus, file), 'utf8'), {file}).document
  const comparison = compareDocuments(load('proposal-com-2020-825.xhtml'), load('final-formex.xml'), {
    names: {before: 'COM(2020) 825 (proposal)', after: 'Regulation (EU) 2022/2065'}
  })
  return {name: 'dsa', comparison, date: '2022-10-19'}
}

/** Pages of a PDF file (pdfinfo when installed, else its page objects). */
function pages(pdf) {
  if (has('pdfinfo')) return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], {encoding: 'utf8'}))?.[1])
  return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
}

const built = [pairs.includes('example') && example(), pairs.includes('dsa') && dsa()].filter(Boolean)
const report = []
for (const {name, comparison, date} of built) {
  const html = join(out, `${name}.html`)
  const docx = join(out, `${name}.docx`)
  writeFileSync(html, toHtml(comparison))
  writeFileSync(docx, await toDocx(comparison, {date}))
  report.push({name, comparison, html, docx})
}

;(await withBrowser(async (browser) => {
  for (const item of report) {
    const page = await browser.newPage()
    await page.goto('file://' + item.html, {waitUntil: 'load', timeout: 0})
    const pdf = join(out, `${item.name}.html.pdf`)
    await page.pdf({path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true})
    item.htmlPages = pages(pdf)
    if (screenshots) await htmlScreenshots(page, item.name)
    await page.close()
  }
  return true
})) ?? console.log('No Chromium: HTML print not measured.')

if (has('soffice')) {
  for (const item of report) {
    // A profile of its own, so that another LibreOffice running on the machine does not take the job.
    const profile = `-env:UserInstallation=file://${join(out, 'lo-profile')}`
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, item.docx], {
      stdio: 'ignore',
      timeout: 600_000
    })
    const pdf = item.docx.replace(/\.docx$/, '.pdf')
    item.docxPages = pages(pdf)
    if (screenshots && has('pdftoppm')) {
      wordPages(pdf, item.name, item.name === 'example' ? [1, 4] : [2, 5])
      const moved = firstMovePage(pdf, item.comparison)
      if (moved) wordPages(pdf, item.name, [moved], 'move')
    }
  }
} else console.log('No LibreOffice: Word pages not measured.')

for (const item of report) {
  console.log(
    `${item.name}: HTML printed by Chromium: ${item.htmlPages ?? '?'} A4 pages; Word (LibreOffice): ${item.docxPages ?? '?'} pages`
  )
}

/** Screenshots of the HTML: the top (header, consultation) and the changes with their causes. */
async function htmlScreenshots(page, name) {
  await page.setViewport({width: 1100, height: 900, deviceScaleFactor: 1})
  const shot = async (file, selector, height) => {
    const y = selector ? await page.$eval(selector, (el) => el.getBoundingClientRect().top + window.scrollY - 10) : 0
    await page.screenshot({path: join(img, file), clip: {x: 0, y, width: 1100, height}, captureBeyondViewport: true})
    console.log(`  docs/img/${file}: ${Math.round(statSync(join(img, file)).size / 1024)} KB`)
  }
  await shot(`${name}-html.png`, name === 'example' ? '#consultation' : undefined, 1000)
  await shot(`${name}-html-changes.png`, name === 'example' ? '#inline' : 'article.change.f-modified[id*="art_"]', 1000)
}

/** Word pages as PNG (LibreOffice's rendering of the .docx, through its PDF), named by page or `label`. */
function wordPages(pdf, name, which, label) {
  for (const n of which) {
    const file = `${name}-docx-${label ?? n}.png`
    const prefix = join(out, `${name}-docx-${n}`)
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', pdf, prefix])
    renameSync(prefix + '.png', join(img, file))
    console.log(`  docs/img/${file} (page ${n}): ${Math.round(statSync(join(img, file)).size / 1024)} KB`)
  }
}

/** The page where the first moved provision's old text stands (its first words), if pdftotext finds it. */
function firstMovePage(pdf, comparison) {
  if (!has('pdftotext')) return undefined
  const find = (changes) => {
    for (const c of changes) {
      if (c.status === 'moved' && c.before?.text) return c
      const inner = find(c.children)
      if (inner) return inner
    }
  }
  const moved = find(comparison.changes)
  if (!moved) return undefined
  const words = moved.before.text.split(/\s+/).slice(0, 6).join(' ')
  const total = pages(pdf)
  for (let n = 1; n <= total; n++) {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], {encoding: 'utf8'})
    if (text.replace(/\s+/g, ' ').includes(words)) return n
  }
}
