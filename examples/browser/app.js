// The page's logic: read the two inputs, apply the record (or take the
// second version), show the HTML redline, offer the Word file. Uses only the
// `redlex` bundle (global `redlex`, built by build.mjs).
/* global redlex */
const $ = (id) => document.getElementById(id)
const first = $('first')
const second = $('second')
const status = $('status')
let comparison = null

const mode = () => document.querySelector('input[name=mode]:checked').value

function say(message, isError = false) {
  status.textContent = message
  status.className = isError ? 'error' : ''
}

function showMode() {
  const isc = mode() === 'isc'
  $('second-label').textContent = isc ? 'ISC record' : 'Second version (after)'
  $('second-hint').textContent = isc ? 'YAML or JSON (docs/isc.md)' : 'any supported format'
  second.placeholder = isc
    ? 'Drop a file here or paste: the ISC record in YAML or JSON'
    : 'Drop a file here or paste the second version'
}

/** A document from text in any supported format (the format is detected). */
const load = (text, file) => redlex.importDocument(text, {file}).document

function makeRedline() {
  comparison = null
  $('docx').disabled = true
  if (!first.value.trim() || !second.value.trim()) return say('Give both texts first.', true)
  try {
    const pre = load(first.value, first.dataset.file || 'draft')
    if (mode() === 'isc') {
      const applied = redlex.applyIsc(pre, second.value, {recordFile: second.dataset.file || 'record'})
      comparison = redlex.redline(applied.pre, applied.post, {
        ...applied,
        names: {before: 'pre-ISC draft', after: 'post-ISC text'}
      })
    } else {
      const post = load(second.value, second.dataset.file || 'after')
      comparison = redlex.redline(pre, post, {
        names: {before: first.dataset.file || 'before', after: second.dataset.file || 'after'}
      })
    }
  } catch (error) {
    // RedlexError messages say where and what to do; show them as text.
    return say(error && error.message ? error.message : String(error), true)
  }
  $('redline').srcdoc = redlex.toHtml(comparison)
  $('docx').disabled = false
  const s = comparison.summary
  say(
    `${s.modified} modified, ${s.inserted} inserted, ${s.deleted} deleted, ${s.moved} moved, ${s.renumbered} renumbered, ${s.unchanged} unchanged.`
  )
}

async function downloadDocx() {
  if (!comparison) return
  const bytes = await redlex.toDocx(comparison)
  const url = URL.createObjectURL(
    new Blob([bytes], {type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'})
  )
  const link = Object.assign(document.createElement('a'), {href: url, download: 'comparison.docx'})
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function acceptDrops(area) {
  area.addEventListener('dragover', (event) => {
    event.preventDefault()
    area.classList.add('over')
  })
  area.addEventListener('dragleave', () => area.classList.remove('over'))
  area.addEventListener('drop', async (event) => {
    event.preventDefault()
    area.classList.remove('over')
    const file = event.dataTransfer.files[0]
    if (!file) return
    area.value = await file.text()
    area.dataset.file = file.name
  })
  area.addEventListener('input', () => delete area.dataset.file)
}

document.querySelectorAll('input[name=mode]').forEach((radio) => radio.addEventListener('change', showMode))
acceptDrops(first)
acceptDrops(second)
$('run').addEventListener('click', makeRedline)
$('docx').addEventListener('click', downloadDocx)
$('example').addEventListener('click', () => {
  const example = window.redlexExample
  first.value = example.draft
  first.dataset.file = 'pre-isc.md'
  if (mode() === 'isc') {
    second.value = example.record
    second.dataset.file = 'isc.yaml'
  } else {
    second.value = example.after
    second.dataset.file = 'expected-post-isc.md'
  }
  say('The example is loaded: make the redline.')
})
showMode()
