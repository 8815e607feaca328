// Runs the redlex command in this process (arguments as given) and, at exit,
// prints the process's CPU time as the last line of standard error, so that
// cli.mjs can time whole command runs without a platform tool.
process.on('exit', () => {
  const {user, system} = process.cpuUsage()
  process.stderr.write(`\ncpu ${JSON.stringify({user, system})}\n`)
})
await import('../../packages/cli/bin/redlex.js')
