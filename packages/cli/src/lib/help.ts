/** Help and usage texts (`redlex --help`, `redlex COMMAND --help`). */

export const USAGE: Record<string, string> = {
  main: 'Usage: redlex <check|outline|convert|format|apply|compare|verify|ep-amendments> … (redlex --help)',
  check: 'Usage: redlex check FILE… [--json] [--lenient]',
  outline: 'Usage: redlex outline FILE [--all] [--words N]',
  convert: 'Usage: redlex convert FILE --to md|akn|json [-o OUT] [--lenient]',
  format: 'Usage: redlex format FILE [-o OUT] [--check]',
  apply:
    'Usage: redlex apply ([DRAFT] --isc RECORD | DRAFT --amendments FILE) [-o OUT] [--log CHANGES.json] [--renumber sequential|amending-act] [--lenient]',
  compare:
    'Usage: redlex compare BEFORE AFTER --format html|md|docx|json [--isc RECORD] [-o OUT] [--names "A,B"] [--title T] [--show-unchanged] [--show-formal] [--hide-renumbering] [--lenient]',
  verify: 'Usage: redlex verify BEFORE AFTER --isc RECORD [--json] [--renumber sequential|amending-act] [--lenient]',
  'ep-amendments':
    'Usage: redlex ep-amendments EP.html [--against PROPOSAL] [-o amendments.yaml] [--report report.json] [--text OUT.md|OUT.xml] [--redline OUT.html|.md|.docx|.json]'
}

const FOOTER = `
Documents may be in any supported format (the redlex Markdown dialect, Akoma Ntoso/AKN4EU, Formex,
Cellar or EUR-Lex HTML); the format is detected from the content.
-o OUT writes a regular file only (a symlink is followed), never over an input; -o - is standard output.
Errors print as file:line:col: message [code]; --debug adds the stack.
Exit codes: 0 ok, 1 input or validation error, 2 usage error.
`

export const HELP: Record<string, string> = {
  main: `redlex — redline EU legislative drafts

Usage: redlex <command> [options]

Commands:
  check FILE…            detect the format, validate, print counts and warnings;
                         an ISC record is checked against its draft (every problem at once)
  outline FILE           every eId with its label and first words, as a tree (--all: every unit)
  convert FILE --to F    convert a document to md (the dialect), akn (AKN4EU XML) or json (the tree)
  format FILE            rewrite dialect Markdown in canonical form
  apply [DRAFT] --isc R  apply an ISC record's amendments; print the post-ISC text
  compare BEFORE AFTER   compare two versions; html, md, docx (tracked changes) or json
  verify BEFORE AFTER    check a hand-edited post-ISC text against an ISC record
  ep-amendments EP.html  the European Parliament's amendments as typed amendments, applied to a proposal

Options for every command:
  -h, --help             help for the command
      --debug            show stack traces
${FOOTER}`,
  check: `${USAGE['check']}

Detect each file's format (or an ISC record), validate it, print the counts of citations, recitals,
articles, chapters and annexes, and the warnings. An amendment list (YAML or JSON) is validated:
every problem of every amendment, with its place.

An ISC record that names its draft (\`draft: pre-isc.md\`, relative to the record) is checked
against it without applying anything: every target eId and every quoted text, each amendment on
the text left by the ones before it. Every problem is printed, with the eIds next to a wrong
target and the text of the provision a quotation was not found in; exit 1 when there is one.

  --json       print {"format", "counts": {"citations", "recitals", "articles", "chapters", "annexes"}, "warnings": […]}
               (an ISC record: {"reference", "conclusions", "amendments", "draft", "problems": […], "warnings": […]})
               (an array when several files are given)
  --lenient    report structural problems as warnings instead of failing
${FOOTER}`,
  convert: `${USAGE['convert']}

  --to md      the redlex Markdown dialect (canonical)
  --to akn     Akoma Ntoso (AKN4EU) XML
  --to json    the redlex tree as JSON
  -o OUT       write to OUT (safely: see redlex --help) instead of standard output
  --lenient    accept structural problems in the input (as warnings)
${FOOTER}`,
  outline: `${USAGE['outline']}

Print the eIds a target may name — citations, recitals, divisions, articles and annexes, or with
--all every unit (paragraphs, subparagraphs, points, indents) — one per line, indented as the tree
nests, each with its label and the first words of its own text:

  art_10  Article 10 Entry into force — This Regulation shall enter into force …
    art_10__para_1  1. — This Regulation shall enter into force on the …

  --all        every unit, not only the top ones
  --words N    how many first words (default 8)
${FOOTER}`,
  format: `${USAGE['format']}

Read dialect Markdown leniently and write it in canonical form.

  -o OUT       write to OUT (may be FILE itself) instead of standard output
  --check      exit 1 when FILE is not canonical, write nothing
${FOOTER}`,
  apply: `${USAGE['apply']}

Apply every amendment of the ISC record's conclusions to DRAFT, all or nothing, and print the
post-ISC text in the dialect. Without DRAFT, the draft is the record's \`draft:\` (a path relative
to the record). Warnings (a reference naming a deleted unit, a provisional date …) go to stderr.

  --isc RECORD          the ISC record (YAML or JSON)
  --amendments FILE     or a plain amendment list (YAML or JSON): a list, or {amendments: […]} with
                        targets: base|current and renumber (as \`redlex ep-amendments\` writes it)
  -o OUT                write the post-ISC text to OUT instead of standard output
  --log CHANGES.json    also write the change log (what each amendment did, with its provenance)
  --renumber MODE       sequential (default: a draft is renumbered and cross-references follow)
                        or amending-act (inserted units get 4a, 4b, -1; nothing is renumbered)
  --lenient             accept structural problems in the draft (as warnings, with file:line:col)
${FOOTER}`,
  compare: `${USAGE['compare']}

Compare two versions provision by provision, with a word-level redline inside each provision.

  --format html   a standalone HTML comparison document
  --format md     a Markdown redline
  --format docx   a Word document with tracked changes (needs -o)
  --format json   the comparison model: {"summary", "changes": [{status, before, after, causes…}]}
  --isc RECORD    attribute changes to the record's amendments and conclusions (applies the record
                  to BEFORE to learn what each amendment changed)
  -o OUT          write to OUT instead of standard output
  --names "A,B"   the versions' names in the outputs, e.g. "pre-ISC draft,post-ISC text"
                  (default: the files' names without folder or extension)
  --title T       the document's title (html, md, docx)
  --show-unchanged     show unchanged provisions too (html, md)
  --show-formal        show differences of form only (no-break spaces, quote style, updated
                       references) as changes; by default they show in their new form
  --hide-renumbering   show a provision whose only change is its number as unchanged, and
                       references updated for renumbering as plain text (shown by default)
  --lenient       accept structural problems in the inputs (as warnings)
${FOOTER}`,
  verify: `${USAGE['verify']}

Check a hand-edited post-ISC text (AFTER) against the ISC record: which changes are explained by
which amendments, which changes are unexplained, and which amendments are not reflected.
Exit 0 only when every change is explained and every amendment is reflected.

  --isc RECORD    the ISC record
  --json          print the report as JSON
  --lenient       accept structural problems in the inputs (as warnings, with file:line:col)
${FOOTER}`,
  'ep-amendments': `${USAGE['ep-amendments']}

Read a European Parliament position (OJ C HTML). Numbered amendments ("Text proposed by the
Commission | Amendment" tables) are located in PROPOSAL, turned into typed amendments and applied
one by one (amending-act numbering: 13a, 1a); each is applied, not located or in conflict, with
the reason. A whole-text position (one amendment restating the proposal) needs no PROPOSAL: its
marked changes (bold italic added, ▌ deleted) are written instead.

  --against PROPOSAL  the Commission proposal (any supported format)
  -o FILE             the typed amendments (YAML; for \`redlex apply --amendments\`); default: standard output
  --report FILE       the report (JSON): {total, applied, notLocated, conflicts, items}
  --text FILE         the proposal as amended (.xml: Akoma Ntoso; else the Markdown dialect);
                      for a whole-text position, the EP's text
  --redline FILE      the comparison, every change named by its EP amendment (.html, .md, .docx, .json)
${FOOTER}`
}
