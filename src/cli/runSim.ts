// `npm run sim -- FILE [--json] [--seed N]`: run a command file from the default sandbox (DESIGN.md).
import { readFileSync } from 'node:fs'
import { World } from '../sim/index.ts'
import { Shell, parseLine } from './Shell.ts'

export interface RunResult { output: string; exitCode: number }

/** Runs a scenario's lines; a line that does not parse stops the run with exit code 2. */
export async function runScenario(text: string, options: { seed: number; json: boolean; file: string }): Promise<RunResult> {
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseLine(lines[i]!)
    if (parsed.kind === 'error') return { output: `${options.file}:${i + 1}: ${parsed.message}\n  ${lines[i]!.trim()}\n`, exitCode: 2 }
  }
  const world = new World({ seed: options.seed })
  const shell = new Shell(world)
  let output = ''
  for (const line of lines) {
    const parsed = parseLine(line)
    if (parsed.kind === 'empty') continue
    const r = await shell.run(line)
    if (!options.json) output += `$ ${line.trim()}\n${r.stdout}${r.stderr}`
  }
  if (options.json) output = JSON.stringify(world.report(), null, 2) + '\n'
  return { output, exitCode: 0 }
}

export function parseArgs(argv: string[]): { file: string; json: boolean; seed: number } | string {
  let file: string | null = null
  let json = false
  let seed = 1
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--json') json = true
    else if (a === '--seed') {
      const n = Number(argv[++i])
      if (!Number.isInteger(n) || n < 0) return `--seed needs a whole number, got "${argv[i] ?? ''}"`
      seed = n
    } else if (a.startsWith('--')) return `unknown option ${a}`
    else if (file === null) file = a
    else return `unexpected argument ${a}`
  }
  if (file === null) return 'usage: npm run sim -- FILE [--json] [--seed N]'
  return { file, json, seed }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  if (typeof args === 'string') { process.stderr.write(args + '\n'); process.exit(2) }
  let text: string
  try { text = readFileSync(args.file, 'utf8') } catch (e) { process.stderr.write(`cannot read ${args.file}: ${(e as Error).message}\n`); process.exit(2) }
  const r = await runScenario(text, args)
  process.stdout.write(r.output)
  process.exitCode = r.exitCode
}

if (process.argv[1] && /runSim\.ts$/.test(process.argv[1])) void main()
