// Runs the redlex command in this process (arguments as given) and, at exit,
// prints the process's CPU time as the last line of standard error, so that
// cli.mjs can time whole command runs without a platform tool. BENCH_CLI
// names another checkout's bin/redlex.js (cli.mjs sets it for BENCH_BASELINE).
import {pathToFileURL} from 'node:url'

process.on('exit', () => {
  const {user, system} = process.cpuUsage()
  process.stderr.write(`\ncpu ${JSON.stringify({user, system})}\n`)
})
await import(process.env.BENCH_CLI ? pathToFileURL(process.env.BENCH_CLI).href : '../../packages/cli/bin/redlex.js')
