// `npx -y pnpm@10 run bench`: every benchmark, one after the other, after a build.
// Each prints its own figures; see docs/performance.md for how to read them.
const benches = ['./import.mjs', './compare.mjs', './ep.mjs', './cli.mjs']
for (const bench of benches) {
  console.log(`\n=== ${bench}`)
  await import(new URL(bench, import.meta.url).href)
}
