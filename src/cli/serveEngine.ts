// `npm run engine -- [--port 23750] [--scenario FILE] [--seed N]`: serve a headless world's Engine API on
// 127.0.0.1 for any real docker CLI, with virtual time running at 1× wall time.
import { readFileSync } from 'node:fs'
import { World } from '../sim/index.ts'
import { createEngineHandler } from '../engine-api/handler.ts'
import { createEngineServer } from '../engine-api/http/engineServer.ts'
import { Shell, parseLine } from './Shell.ts'

interface Args { port: number; scenario: string | null; seed: number }

export function parseEngineArgs(argv: string[]): Args | string {
  const args: Args = { port: 23750, scenario: null, seed: 1 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const v = argv[i + 1]
    if (a === '--port') {
      const n = Number(v)
      if (!Number.isInteger(n) || n < 0 || n > 65535) return `--port needs a port number (0–65535), got "${v ?? ''}"`
      args.port = n; i++
    } else if (a === '--seed') {
      const n = Number(v)
      if (!Number.isInteger(n) || n < 0) return `--seed needs a whole number, got "${v ?? ''}"`
      args.seed = n; i++
    } else if (a === '--scenario') {
      if (!v) return '--scenario needs a file'
      args.scenario = v; i++
    } else return `unknown option ${a}\nusage: npm run engine -- [--port 23750] [--scenario FILE] [--seed N]`
  }
  return args
}

export async function startEngine(args: Args, log: (line: string) => void = () => {}): Promise<{ port: number; world: World; close(): Promise<void> }> {
  const world = new World({ seed: args.seed })
  if (args.scenario) {
    const text = readFileSync(args.scenario, 'utf8')
    const lines = text.split(/\r?\n/)
    const bad = lines.findIndex((l) => parseLine(l).kind === 'error')
    if (bad >= 0) throw new Error(`${args.scenario}:${bad + 1}: ${(parseLine(lines[bad]!) as { message: string }).message}`)
    const shell = new Shell(world)
    for (const line of lines) {
      const r = await shell.run(line)
      if (r.stderr) log(r.stderr.trimEnd())
    }
  }
  const server = createEngineServer(createEngineHandler(world, () => 'container-host', { epochMs: Date.now() - world.clockMs }))
  const listening = await server.listen(args.port)
  // virtual time follows the wall clock (1×); the world itself never reads a clock
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    const elapsed = Math.floor(now - last)
    if (elapsed > 0) { world.step(elapsed); last += elapsed }
  }, 50)
  return {
    port: listening.port,
    world,
    async close() { clearInterval(timer); await listening.close() }
  }
}

async function main(): Promise<void> {
  const args = parseEngineArgs(process.argv.slice(2))
  if (typeof args === 'string') { process.stderr.write(args + '\n'); process.exit(2) }
  try {
    const engine = await startEngine(args, (l) => process.stderr.write(l + '\n'))
    process.stdout.write(`Stacklab engine listening on 127.0.0.1:${engine.port} (Docker Engine API 1.50, simulated)\n`)
    process.stdout.write(`  export DOCKER_HOST=tcp://127.0.0.1:${engine.port}\n`)
    const stop = () => { void engine.close().then(() => process.exit(0)) }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`)
    process.exit(1)
  }
}

if (process.argv[1] && /serveEngine\.ts$/.test(process.argv[1])) void main()
