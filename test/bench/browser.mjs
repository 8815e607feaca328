// Headless Chromium for the look-and-print scripts (never for the unit
// tests): the system browser (CHROMIUM, else /usr/bin/chromium), driven by
// puppeteer-core. `withBrowser` returns undefined when no browser is installed.
import {existsSync} from 'node:fs'

export const chromiumPath = () =>
  [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (p) => p && existsSync(p)
  )

export async function withBrowser(work) {
  const executablePath = chromiumPath()
  if (!executablePath) return undefined
  const {default: puppeteer} = await import('puppeteer-core')
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // The machine may be busy (shared cores): wait for the browser rather than fail.
    timeout: 300_000,
    protocolTimeout: 900_000,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none']
  })
  try {
    return await work(browser)
  } finally {
    await browser.close()
  }
}
