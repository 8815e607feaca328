/**
 * examples/browser/ works in a real browser: headless Chromium (the
 * system's, driven by puppeteer-core; skipped when none is installed) loads
 * the static page from disk, feeds it the example, and finds the redline on
 * the page and a Word file with tracked changes in the download.
 */
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import JSZip from 'jszip'
import puppeteer, {type Browser, type Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const chromium = [
  process.env['CHROMIUM'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome'
].find((path) => path && existsSync(path))
const built = existsSync(new URL('../packages/redlex/dist/index.js', import.meta.url))

describe.skipIf(!chromium || !built)('examples/browser in headless Chromium', () => {
  let browser: Browser
  let page: Page
  const downloads = mkdtempSync(join(tmpdir(), 'redlex-browser-'))

  beforeAll(async () => {
    const build: string = '../examples/browser/build.mjs'
    const {buildPage} = (await import(build)) as {buildPage: () => Promise<string>}
    const index = await buildPage()
    browser = await puppeteer.launch({
      executablePath: chromium!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu']
    })
    page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    const session = await page.createCDPSession()
    await session.send('Browser.setDownloadBehavior', {behavior: 'allow', downloadPath: downloads})
    await page.goto(pathToFileURL(index).href, {waitUntil: 'load'})
    expect(errors).toEqual([])
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    rmSync(downloads, {recursive: true, force: true})
  })

  const redlineText = () =>
    page.evaluate(
      () => (document.getElementById('redline') as HTMLIFrameElement).contentDocument?.body?.innerText ?? ''
    )
  const insertions = () =>
    page.evaluate(
      () =>
        (document.getElementById('redline') as HTMLIFrameElement).contentDocument?.querySelectorAll('ins').length ?? 0
    )

  async function makeRedline(): Promise<void> {
    await page.evaluate(() => {
      ;(document.getElementById('redline') as HTMLIFrameElement).srcdoc = ''
    })
    await page.click('#run')
    await page.waitForFunction(
      () =>
        ((document.getElementById('redline') as HTMLIFrameElement).contentDocument?.querySelectorAll('ins').length ??
          0) > 0,
      {timeout: 60_000}
    )
  }

  it('should show the redline of the example draft and ISC record, with the conclusions', async () => {
    await page.click('#example')
    await makeRedline()
    expect(await insertions()).toBeGreaterThan(3)
    const text = await redlineText()
    expect(text).toContain('ISC/2020/06507')
    // A conclusion's own words, beside the changes it caused.
    expect(text).toContain('specific expiration date')
    expect(await page.$eval('#status', (el) => el.className)).toBe('')
  }, 90_000)

  it('should download the Word file: a zip whose document has tracked insertions', async () => {
    await page.click('#docx')
    const file = join(downloads, 'comparison.docx')
    for (
      let i = 0;
      i < 300 && !(existsSync(file) && readdirSync(downloads).every((name) => !name.endsWith('.crdownload')));
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 100))
    const bytes = readFileSync(file)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    const documentXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
    expect(documentXml).toContain('<w:ins ')
    expect(documentXml).toContain('<w:del ')
  }, 60_000)

  it('should compare two versions', async () => {
    await page.click('input[name=mode][value=versions]')
    await page.click('#example')
    await makeRedline()
    expect(await insertions()).toBeGreaterThan(3)
    await page.click('input[name=mode][value=isc]')
  }, 90_000)

  it('should say what is wrong with a broken record, as text', async () => {
    await page.click('#example')
    await page.$eval('#second', (el) => {
      ;(el as HTMLTextAreaElement).value = 'reference: ISC/2020/06507\nconclusions: 3\n'
      el.dispatchEvent(new Event('input'))
    })
    await page.click('#run')
    await page.waitForFunction(() => document.getElementById('status')!.className === 'error')
    expect(await page.$eval('#status', (el) => el.textContent)).toMatch(/^record:\d+:\d+: .*\[isc\//)
    expect(await page.$eval('#docx', (el) => (el as HTMLButtonElement).disabled)).toBe(true)
  }, 30_000)
})
