// Builds what the static page needs into out/: the `redlex` package bundled
// for the browser (one classic script, global `redlex`, so the page also
// works opened straight from disk) and the example texts.
//   npx -y pnpm@10 run example:browser     then open examples/browser/index.html
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const here = (name) => fileURLToPath(new URL(name, import.meta.url))

export async function buildPage() {
  mkdirSync(here('out'), {recursive: true})
  await build({
    entryPoints: [here('../../packages/redlex/dist/index.js')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'redlex',
    minify: true,
    legalComments: 'none',
    outfile: here('out/redlex.js'),
    logLevel: 'warning'
  })
  const example = (name) => readFileSync(here(`../eprivacy-derogation/${name}`), 'utf8')
  const texts = {draft: example('pre-isc.md'), record: example('isc.yaml'), after: example('expected-post-isc.md')}
  writeFileSync(
    here('out/example.js'),
    `// The ePrivacy-derogation example (examples/eprivacy-derogation), for the "Load the example" button.\nwindow.redlexExample = ${JSON.stringify(texts)}\n`
  )
  return here('index.html')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildPage())
