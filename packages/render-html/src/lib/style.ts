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
.toc ol{columns:2 22rem;padding-left:1.5rem}
.toc li{break-inside:avoid;margin-bottom:.15rem}
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
.change{display:grid;grid-template-columns:minmax(0,1fr) 17rem;gap:0 1.5rem;border-top:1px solid var(--rule);padding:.9rem 0}
.change .body p{margin:.3rem 0}
.change .head{font-weight:bold}
.change .num{font-weight:bold}
.change.st-unchanged{color:var(--muted)}
.causes{background:var(--note);border-left:3px solid var(--ink);padding:.5rem .75rem;font-size:.9rem;align-self:start}
.causes ul{list-style:none;margin:0;padding:0}
.causes li+li{margin-top:.6rem;border-top:1px solid var(--rule);padding-top:.6rem}
.causes blockquote{margin:.3rem 0;font-style:italic}
.causes .note{margin:.2rem 0;color:var(--muted)}
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
@media (max-width:50rem){.change{grid-template-columns:1fr}.side .c-label{width:7rem}}
@media (forced-colors:active){
ins::before,del::before,ins::after,del::after{position:static;width:auto;height:auto;margin:0;overflow:visible;clip-path:none}
ins::before{content:"[+"}ins::after{content:"+]"}del::before{content:"[\\2212"}del::after{content:"\\2212]"}
}
@media print{
@page{margin:18mm 15mm}
body{font-size:10.5pt;max-width:none;padding:0}
.tabs,.jump{display:none}
#side,#inline{display:block!important}
#side{break-before:page}
a{color:inherit;text-decoration:none}
ins,del{print-color-adjust:exact;-webkit-print-color-adjust:exact}
ins::before,del::before,ins::after,del::after{position:static;width:auto;height:auto;margin:0;overflow:visible;clip-path:none;font-weight:bold}
ins::before{content:"[+"}ins::after{content:"+]"}del::before{content:"[\\2212"}del::after{content:"\\2212]"}
.change{break-inside:avoid;grid-template-columns:minmax(0,1fr) 14rem}
.side tr{break-inside:avoid}
.side thead{display:table-header-group}
h2,h3{break-after:avoid}
.toc ol{columns:2}
}
`.trim()
