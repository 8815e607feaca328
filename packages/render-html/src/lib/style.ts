/**
 * The inline stylesheet of the HTML comparison: readable on screen, with
 * non-colour cues for every change (underline, strikethrough, markers read
 * by assistive technology and printed on paper), and a print stylesheet.
 */
export const STYLESHEET = `
:root{--ink:#1a1a1a;--muted:#555;--rule:#c9c9c9;--paper:#fff;--ins:#0b5a1e;--ins-bg:#e3f3e6;--del:#9b111e;--del-bg:#fbe9ea;--note:#f5f5f0}
*{box-sizing:border-box}
html{background:var(--paper);color:var(--ink)}
body{font:1rem/1.55 Georgia,"Times New Roman",Times,serif;max-width:78rem;margin:0 auto;padding:1.5rem}
h1,h2,h3,h4{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.25}
h1{font-size:1.5rem;margin:.25rem 0 1rem}
h2{font-size:1.2rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:0 0 .5rem}
h4{font-size:.95rem;margin:0 0 .4rem}
.kicker{font:600 .8rem/1 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
.meta dt{font-weight:bold}
.meta dd{margin:0}
.version{font-weight:bold}
table{border-collapse:collapse}
.counts th,.counts td{border:1px solid var(--rule);padding:.2rem .8rem;text-align:left}
.counts td{text-align:right;font-variant-numeric:tabular-nums}
.legend ul{list-style:none;padding:0;display:grid;gap:.3rem}
.toc ol{padding-left:1.5rem;margin:.2rem 0}
.toc .groups{list-style:none;padding:0}
.toc .groups>li{margin:.3rem 0}
.toc summary{cursor:pointer;font:600 .95rem system-ui,sans-serif}
.toc .units{columns:2 22rem;column-gap:2rem;list-style:none;padding-left:1.2rem}
.toc .units>li{break-inside:avoid;margin-bottom:.15rem}
.toc .units ol{list-style:none;padding-left:1rem}
.toc .unit{font-weight:bold}
.count{font:.75rem system-ui,sans-serif;color:var(--muted)}
.numbering{font-size:.85rem;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:1.5rem 0 0;font:.85rem system-ui,sans-serif}
.filters fieldset{border:1px solid var(--rule);border-radius:.25rem;padding:.2rem .7rem .4rem;margin:0}
.filters legend{font-weight:600;padding:0 .3rem}
.filters label{white-space:nowrap;margin-right:.4rem}
.consultation .meta{margin-bottom:.5rem}
.consultation h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.consultation h4{margin:.2rem 0}
.services{border-collapse:collapse;width:100%;font-size:.9rem}
.services th,.services td{border:1px solid var(--rule);padding:.25rem .6rem;text-align:left;vertical-align:top}
.services thead th{background:var(--note)}
.services td p{margin:0}
.redacted{font-style:italic;color:var(--muted)}
.conclusions{padding-left:0;list-style:none}
.conclusions>li{border-left:3px solid var(--rule);padding:.2rem 0 .2rem .8rem;margin:.6rem 0}
.conclusions blockquote{margin:.3rem 0}
.conclusions blockquote p{margin:.2rem 0}
.effects{margin:.3rem 0;padding-left:1.2rem;font-size:.92rem}
.effect,.note{color:var(--muted);font-size:.92rem;margin:.2rem 0}
ins{color:var(--ins);background:var(--ins-bg);text-decoration:underline;text-decoration-thickness:.12em;text-underline-offset:.15em}
del{color:var(--del);background:var(--del-bg);text-decoration:line-through;text-decoration-thickness:.12em}
ins::before,ins::after,del::before,del::after{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
ins::before{content:"[insertion start] "}
ins::after{content:" [insertion end]"}
del::before{content:"[deletion start] "}
del::after{content:" [deletion end]"}
.formal{text-decoration:underline dotted;text-underline-offset:.15em;cursor:help}
.status{display:inline-block;font:600 .75rem/1.4 system-ui,sans-serif;border:1px solid currentColor;border-radius:.2rem;padding:0 .35rem;color:var(--muted);vertical-align:middle}
.status.st-inserted{color:var(--ins)}
.status.st-deleted{color:var(--del)}
.why{font:600 .75rem/1.4 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em}
.tabs{display:flex;gap:.5rem;margin:2rem 0 0}
.tabs a{font:600 .9rem system-ui,sans-serif;border:1px solid var(--ink);border-radius:.25rem;padding:.3rem .8rem;color:var(--ink);text-decoration:none}
.views{display:flex;flex-direction:column}
#inline{order:1}
#side{order:2;display:none}
#side:target{display:block}
#side:target~#inline{display:none}
#side:has(:target){display:block}
#side:has(:target)~#inline{display:none}
.change{border-top:1px solid var(--rule);padding:.9rem 0}
.change.has-aside{display:grid;grid-template-columns:minmax(0,1fr) 17rem;gap:0 1.5rem}
.change .body p{margin:.3rem 0}
.change .head{font-weight:bold}
.change .num{font-weight:bold}
.change.st-unchanged{color:var(--muted)}
.causes{background:var(--note);border-left:3px solid var(--ink);padding:.5rem .75rem;font-size:.9rem;align-self:start}
.causes ul{list-style:none;margin:0;padding:0}
.causes li+li{margin-top:.6rem;border-top:1px solid var(--rule);padding-top:.6rem}
.causes blockquote{margin:.3rem 0;font-style:italic}
.causes blockquote p{margin:.2rem 0}
.causes h4+ul+h4{margin-top:.6rem}
.causes .note{margin:.2rem 0;color:var(--muted)}
.notes{list-style:none;margin:.4rem 0 0;padding:.3rem 0 0 1rem;border-top:1px solid var(--rule);font-size:.85rem}
.notes .marker{font-weight:bold}
.fn{line-height:0}
.fn a{text-decoration:none}
.fallback,.empty{font-style:italic;color:var(--muted)}
.jump{font-size:.8rem}
.side{width:100%;table-layout:fixed}
.side th,.side td{border:1px solid var(--rule);padding:.4rem .6rem;vertical-align:top;text-align:left}
.side thead th{background:var(--note)}
.side .c-label{width:12rem}
.side tbody th{font-weight:normal}
.side td p{margin:.2rem 0}
.side .head{font-weight:bold}
.side .num{font-weight:bold}
.why-short{font-size:.8rem;color:var(--muted);margin-top:.3rem}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted);border-top:1px solid var(--rule)}
:target{scroll-margin-top:1rem}
article.change:target{outline:2px solid var(--ink);outline-offset:.3rem}
@media (max-width:50rem){.change.has-aside{grid-template-columns:1fr}.side .c-label{width:7rem}}
@media (forced-colors:active){
ins::before,del::before,ins::after,del::after{position:static;width:auto;height:auto;margin:0;overflow:visible;clip-path:none}
ins::before{content:"[+"}ins::after{content:"+]"}del::before{content:"[\\2212"}del::after{content:"\\2212]"}
}
@media print{
@page{size:A4;margin:14mm 13mm}
body{font-size:9.5pt;line-height:1.35;max-width:none;padding:0}
h1{font-size:14pt}
h2{font-size:11.5pt;margin:1rem 0 .4rem}
.tabs,.jump,.filters,.legend{display:none}
/* The view on screen is the one printed: the inline redline, or the before | after table when chosen. */
a{color:inherit;text-decoration:none}
ins,del{print-color-adjust:exact;-webkit-print-color-adjust:exact}
ins::before,del::before,ins::after,del::after{position:static;width:auto;height:auto;margin:0;overflow:visible;clip-path:none;font-weight:bold}
ins::before{content:"[+"}ins::after{content:"+]"}del::before{content:"[\\2212"}del::after{content:"\\2212]"}
.change{padding:.4rem 0}
.change.has-aside{grid-template-columns:minmax(0,1fr) 12rem;gap:0 1rem}
.change .body p{margin:.15rem 0}
.causes{font-size:8pt;padding:.3rem .5rem}
.causes li+li{margin-top:.3rem;padding-top:.3rem}
.change h3{break-after:avoid}
.side tr{break-inside:avoid}
.side thead{display:table-header-group}
h2,h3,h4{break-after:avoid}
.toc .units{columns:2}
.toc details:not([open])>.units{display:none}
.conclusions>li{break-inside:avoid}
footer{margin-top:1rem}
}
`.trim()
