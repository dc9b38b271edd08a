// The tiny shell inside an instance (DESIGN.md): echo, sleep, true, false, exit N, sh -c, ps, hostname, cat, ls,
// env, uname -r and curl NAME:PORT. Anything else is "not found" with exit code 127, as a real shell says.

export interface ShellContext {
  hostname: string
  kernel: string
  env: string[]
  /** process list as seen from inside: [pid, command] */
  processes: [number, string][]
  files: Record<string, string>
  /** can this name:port be reached from here? */
  reach(host: string, port: number): boolean
  /** can a new process be started (PIDs left)? */
  canFork: boolean
}

export interface ShellResult {
  stdout: string
  stderr: string
  exitCode: number
  durationMs: number
  /** `sleep infinity` and friends: the process does not end by itself */
  forever: boolean
}

/** POSIX-ish word splitting with single/double quotes and backslashes; null on an unclosed quote. */
export function splitWords(line: string): string[] | null {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quote) {
      if (ch === quote) quote = null
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i]
      else word += ch
      continue
    }
    if (ch === "'" || ch === '"') { quote = ch; inWord = true; continue }
    if (ch === '\\' && i + 1 < line.length) { word += line[++i]; inWord = true; continue }
    if (ch === ' ' || ch === '\t') {
      if (inWord) { words.push(word); word = ''; inWord = false }
      continue
    }
    word += ch
    inWord = true
  }
  if (quote) return null
  if (inWord) words.push(word)
  return words
}

const BUILTINS = ['echo', 'sleep', 'true', 'false', 'exit', 'sh', '/bin/sh', 'bash', '/bin/bash', 'ps', 'hostname', 'cat', 'ls', 'env', 'uname', 'curl']
export const isShellCommand = (argv0: string): boolean => BUILTINS.includes(argv0)

export function runShell(argv: string[], ctx: ShellContext): ShellResult {
  const out: ShellResult = { stdout: '', stderr: '', exitCode: 0, durationMs: 0, forever: false }
  if (!ctx.canFork) {
    out.stderr = 'sh: fork: retry: Resource temporarily unavailable\n'
    out.exitCode = 254
    return out
  }
  if ((argv[0] === 'sh' || argv[0] === '/bin/sh' || argv[0] === 'bash' || argv[0] === '/bin/bash') && argv[1] === '-c') {
    return runScript(argv[2] ?? '', ctx)
  }
  runOne(argv, ctx, out)
  return out
}

/** `a; b && c` — enough of sh -c for teaching examples. */
function runScript(script: string, ctx: ShellContext): ShellResult {
  const out: ShellResult = { stdout: '', stderr: '', exitCode: 0, durationMs: 0, forever: false }
  const parts = script.split(/(;|&&|\|\|)/)
  let op = ';'
  for (const raw of parts) {
    if (raw === ';' || raw === '&&' || raw === '||') { op = raw; continue }
    const words = splitWords(raw)
    if (words === null) {
      out.stderr += 'sh: syntax error: unterminated quoted string\n'
      out.exitCode = 2
      return out
    }
    if (words.length === 0) continue
    if (op === '&&' && out.exitCode !== 0) continue
    if (op === '||' && out.exitCode === 0) continue
    const exited = runOne(words, ctx, out)
    if (exited || out.forever) return out
  }
  return out
}

/** Runs one simple command into `out`; returns true when it was `exit`. */
function runOne(argv: string[], ctx: ShellContext, out: ShellResult): boolean {
  const [cmd, ...args] = argv
  out.exitCode = 0
  switch (cmd) {
    case undefined:
      return false
    case 'echo':
      out.stdout += args.join(' ') + '\n'
      return false
    case 'true':
      return false
    case 'false':
      out.exitCode = 1
      return false
    case 'exit': {
      const n = args[0] === undefined ? 0 : Number(args[0])
      out.exitCode = Number.isInteger(n) ? ((n % 256) + 256) % 256 : 2
      return true
    }
    case 'sleep': {
      if (args[0] === 'infinity') { out.forever = true; return false }
      const n = Number(args[0])
      if (!Number.isFinite(n) || n < 0) { out.stderr += `sleep: invalid time interval '${args[0] ?? ''}'\n`; out.exitCode = 1; return false }
      out.durationMs += Math.round(n * 1000)
      return false
    }
    case 'sh': case '/bin/sh': case 'bash': case '/bin/bash':
      if (args[0] === '-c') {
        const r = runScript(args[1] ?? '', ctx)
        out.stdout += r.stdout; out.stderr += r.stderr; out.exitCode = r.exitCode; out.durationMs += r.durationMs; out.forever = r.forever
      }
      return false
    case 'ps':
      out.stdout += 'PID   USER     COMMAND\n' + ctx.processes.map(([pid, c]) => `${String(pid).padStart(3)} root     ${c}`).join('\n') + '\n'
      return false
    case 'hostname':
      out.stdout += ctx.hostname + '\n'
      return false
    case 'uname':
      out.stdout += (args[0] === '-r' ? ctx.kernel : 'Linux') + '\n'
      return false
    case 'env':
      out.stdout += ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${ctx.hostname}`, ...ctx.env].join('\n') + '\n'
      return false
    case 'ls': {
      const dir = (args.find((a) => !a.startsWith('-')) ?? '/').replace(/\/$/, '') || '/'
      const names = new Set<string>()
      for (const path of Object.keys(ctx.files)) {
        const prefix = dir === '/' ? '/' : dir + '/'
        if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]!)
      }
      if (names.size === 0 && dir !== '/') { out.stderr += `ls: ${dir}: No such file or directory\n`; out.exitCode = 1; return false }
      out.stdout += [...names].sort().join('\n') + '\n'
      return false
    }
    case 'cat':
      for (const f of args) {
        const text = ctx.files[f]
        if (text === undefined) { out.stderr += `cat: can't open '${f}': No such file or directory\n`; out.exitCode = 1 }
        else out.stdout += text
      }
      return false
    case 'curl': {
      const target = args.find((a) => !a.startsWith('-')) ?? ''
      const m = /^(?:https?:\/\/)?([^:/]+)(?::(\d+))?/.exec(target)
      if (!m) { out.stderr += 'curl: (3) URL using bad/illegal format or missing URL\n'; out.exitCode = 3; return false }
      const port = m[2] ? Number(m[2]) : 80
      if (ctx.reach(m[1]!, port)) { out.stdout += 'OK\n'; return false }
      out.stderr += `curl: (7) Failed to connect to ${m[1]} port ${port}: Could not connect to server\n`
      out.exitCode = 7
      return false
    }
    default:
      out.stderr += `sh: ${cmd}: not found\n`
      out.exitCode = 127
      return false
  }
}
