// docker ps, stop/start/restart/kill/pause/unpause/rm, logs, inspect, stats, exec, top, port, rename, wait.
import { bytesSize, humanSize } from '../../sim/index.ts'
import { ApiError, call, callJson, daemonError, errorMessage, out, req, streamErrorMessage, type CliContext, type CliOutput } from '../api.ts'
import { bool, list, parseFlags, str, FlagError, type FlagDef } from '../flags.ts'
import { ago, ellipsis, portsText, tabTable } from '../format.ts'
import { demux, text } from '../streams.ts'
import { concat, TimeoutError } from '../transport.ts'

const flagFail = (e: unknown): CliOutput => { if (e instanceof FlagError) return out('', e.message + '\n', 125); throw e }
const needArgs = (cmd: string, usage: string, what: string): CliOutput =>
  out('', `"docker ${cmd}" requires at least 1 argument.\nSee 'docker ${cmd} --help'.\n\nUsage:  docker ${cmd} ${usage}\n\n${what}\n`, 1)

interface ContainerSummary { Id: string; Names: string[]; Image: string; Command: string; Created: number; Status: string; Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[]; State: string }

export async function ps(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let p
  try { p = parseFlags(words, [{ long: 'all', short: 'a', kind: 'bool' }, { long: 'quiet', short: 'q', kind: 'bool' }, { long: 'filter', short: 'f', kind: 'list' }, { long: 'no-trunc', kind: 'bool' }, { long: 'latest', short: 'l', kind: 'bool' }], false, 'ps') }
  catch (e) { return flagFail(e) }
  const query: Record<string, string> = {}
  if (bool(p.values['all'])) query['all'] = '1'
  const filters: Record<string, Record<string, boolean>> = {}
  for (const f of list(p.values['filter'])) {
    const eq = f.indexOf('=')
    if (eq <= 0) return out('', `invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee 'docker ps --help'.\n`, 125)
    const key = f.slice(0, eq)
    filters[key] = { ...(filters[key] ?? {}), [f.slice(eq + 1)]: true }
  }
  if (Object.keys(filters).length) query['filters'] = JSON.stringify(filters)
  try {
    let rows = await callJson<ContainerSummary[]>(ctx, 'GET', '/containers/json', query)
    if (bool(p.values['latest'])) rows = rows.slice(0, 1)
    const noTrunc = bool(p.values['no-trunc'])
    if (bool(p.values['quiet'])) return out(rows.map((c) => (noTrunc ? c.Id : c.Id.slice(0, 12)) + '\n').join(''))
    return out(tabTable(['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], rows.map((c) => [
      noTrunc ? c.Id : c.Id.slice(0, 12), c.Image, `"${noTrunc ? c.Command : ellipsis(c.Command, 20)}"`, ago(ctx.nowMs(), c.Created * 1000),
      c.Status, portsText(c.Ports ?? []), (c.Names[0] ?? '').replace(/^\//, '')
    ])))
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

const LIFECYCLE: Record<string, { path: string; flags: FlagDef[]; usage: string; what: string }> = {
  stop: { path: 'stop', flags: [{ long: 'time', short: 't', kind: 'value' }, { long: 'signal', short: 's', kind: 'value' }], usage: 'stop [OPTIONS] CONTAINER [CONTAINER...]', what: 'Stop one or more running containers' },
  start: { path: 'start', flags: [{ long: 'attach', short: 'a', kind: 'bool' }, { long: 'interactive', short: 'i', kind: 'bool' }], usage: 'start [OPTIONS] CONTAINER [CONTAINER...]', what: 'Start one or more stopped containers' },
  restart: { path: 'restart', flags: [{ long: 'time', short: 't', kind: 'value' }, { long: 'signal', short: 's', kind: 'value' }], usage: 'restart [OPTIONS] CONTAINER [CONTAINER...]', what: 'Restart one or more containers' },
  kill: { path: 'kill', flags: [{ long: 'signal', short: 's', kind: 'value' }], usage: 'kill [OPTIONS] CONTAINER [CONTAINER...]', what: 'Kill one or more running containers' },
  pause: { path: 'pause', flags: [], usage: 'pause CONTAINER [CONTAINER...]', what: 'Pause all processes within one or more containers' },
  unpause: { path: 'unpause', flags: [], usage: 'unpause CONTAINER [CONTAINER...]', what: 'Unpause all processes within one or more containers' }
}

export async function lifecycle(ctx: CliContext, cmd: string, words: string[]): Promise<CliOutput> {
  const spec = LIFECYCLE[cmd]!
  let p
  try { p = parseFlags(words, spec.flags, false, cmd) } catch (e) { return flagFail(e) }
  if (p.args.length === 0) return needArgs(cmd, spec.usage.replace(/^\w+ /, ''), spec.what)
  const query: Record<string, string> = {}
  const t = str(p.values['time'])
  if (t !== undefined) query['t'] = t
  const sig = str(p.values['signal'])
  if (sig !== undefined) query['signal'] = sig
  let stdout = ''
  const failed: string[] = []
  let stderr = ''
  for (const name of p.args) {
    try {
      await call(ctx, 'POST', `/containers/${name}/${spec.path}`, query)
      stdout += name + '\n'
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      stderr += `Error response from daemon: ${e.message}\n`
      failed.push(name)
    }
  }
  if (cmd === 'start' && failed.length) stderr += `Error: failed to start containers: ${failed.join(', ')}\n`
  return out(stdout, stderr, failed.length ? 1 : 0)
}

export async function rm(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let p
  try { p = parseFlags(words, [{ long: 'force', short: 'f', kind: 'bool' }, { long: 'volumes', short: 'v', kind: 'bool' }, { long: 'link', short: 'l', kind: 'bool' }], false, 'rm') } catch (e) { return flagFail(e) }
  if (p.args.length === 0) return needArgs('rm', '[OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers')
  const query: Record<string, string> = {}
  if (bool(p.values['force'])) query['force'] = '1'
  if (bool(p.values['volumes'])) query['v'] = '1'
  let stdout = ''
  let stderr = ''
  for (const name of p.args) {
    try { await call(ctx, 'DELETE', `/containers/${name}`, query); stdout += name + '\n' }
    catch (e) { if (!(e instanceof ApiError)) throw e; stderr += `Error response from daemon: ${e.message}\n` }
  }
  return out(stdout, stderr, stderr ? 1 : 0)
}

interface Inspect { Id: string; Config: { Tty: boolean }; NetworkSettings?: { Ports?: Record<string, { HostIp: string; HostPort: string }[] | null> } }

export async function logs(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let p
  try { p = parseFlags(words, [{ long: 'follow', short: 'f', kind: 'bool' }, { long: 'tail', short: 'n', kind: 'value' }, { long: 'timestamps', short: 't', kind: 'bool' }, { long: 'since', kind: 'value' }, { long: 'until', kind: 'value' }, { long: 'details', kind: 'bool' }], false, 'logs') } catch (e) { return flagFail(e) }
  if (p.args.length !== 1) return out('', `"docker logs" requires exactly 1 argument.\nSee 'docker logs --help'.\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container\n`, 1)
  try {
    const info = await callJson<Inspect>(ctx, 'GET', `/containers/${p.args[0]}/json`)
    const query: Record<string, string> = { stderr: '1', stdout: '1', tail: str(p.values['tail']) ?? 'all' }
    if (bool(p.values['timestamps'])) query['timestamps'] = '1'
    if (bool(p.values['follow'])) query['follow'] = '1'
    let body: Uint8Array
    if (bool(p.values['follow'])) {
      const handle = await ctx.transport.open(req(ctx, 'GET', `/containers/${info.Id}/logs`, query))
      if (handle.status >= 400) return daemonError(new ApiError(handle.status, streamErrorMessage(handle)))
      // in process, `logs -f` follows until the container stops or an hour of simulated time has passed
      await ctx.transport.until(handle, 3_600_000).catch((e: unknown) => { if (!(e instanceof TimeoutError)) throw e; handle.close() })
      body = concat(handle.chunks)
    } else {
      // read to the end (over HTTP the body is still arriving when the head is in)
      body = (await call(ctx, 'GET', `/containers/${info.Id}/logs`, query)).body
    }
    const streams = demux(body, info.Config.Tty)
    return out(streams.stdout, streams.stderr)
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

export async function inspect(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let p
  try { p = parseFlags(words, [{ long: 'format', short: 'f', kind: 'value' }, { long: 'type', kind: 'value' }, { long: 'size', short: 's', kind: 'bool' }], false, 'inspect') } catch (e) { return flagFail(e) }
  if (p.args.length === 0) return needArgs('inspect', '[OPTIONS] NAME|ID [NAME|ID...]', 'Return low-level information on Docker objects')
  const found: unknown[] = []
  let stderr = ''
  const type = str(p.values['type'])
  const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume']
  if (type !== undefined && !TYPES.includes(type)) return out('', `unknown type: "${type}": must be one of ${TYPES.map((t) => `"${t}"`).join(', ')}\n`, 1)
  for (const name of p.args) {
    const attempts = [['container', `/containers/${name}/json`], ['image', `/images/${name}/json`], ['network', `/networks/${name}`], ['volume', `/volumes/${name}`]]
      .filter(([t]) => !type || t === type)
    let hit: unknown = null
    let notFound = ''
    for (const [, path] of attempts) {
      const res = await ctx.transport.request(req(ctx, 'GET', path!))
      if (res.status === 200) { hit = JSON.parse(text(res.body)); break }
      if (res.status !== 404) return daemonError(new ApiError(res.status, errorMessage(res)))
      notFound = errorMessage(res)
    }
    // with --type the daemon's own 404 message is printed; without, the CLI's after trying every kind
    if (hit === null) stderr += type ? `Error response from daemon: ${notFound}\n` : `Error: No such object: ${name}\n`
    else found.push(hit)
  }
  const format = str(p.values['format'])
  if (format !== undefined) return out(found.map((f) => goTemplate(format, f) + '\n').join(''), stderr, stderr ? 1 : 0)
  return out(found.length ? JSON.stringify(found, null, 4) + '\n' : '[]\n', stderr, stderr ? 1 : 0)
}

/** Enough of Go templates for `{{.State.Status}}`, `{{json .Config}}` and `{{.Name}}`. */
export function goTemplate(format: string, value: unknown): string {
  return format.replace(/\{\{\s*(json\s+)?\.([\w.]*)\s*\}\}/g, (_m, json: string | undefined, path: string) => {
    let v: unknown = value
    for (const key of path.split('.').filter(Boolean)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined
    if (json) return JSON.stringify(v ?? null)
    if (v === null || v === undefined) return '<no value>'
    if (Array.isArray(v)) return `[${v.join(' ')}]`
    if (typeof v === 'object') return `map[${Object.entries(v as object).map(([k, x]) => `${k}:${typeof x === 'object' ? JSON.stringify(x) : String(x)}`).join(' ')}]`
    return String(v)
  })
}

interface Stats {
  id: string; name: string; cpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage: number; online_cpus: number }
  precpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage: number }; memory_stats: { usage?: number; limit?: number; stats?: { inactive_file?: number } }
  pids_stats?: { current?: number }; networks?: Record<string, { rx_bytes: number; tx_bytes: number }>; blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null }
}

export async function stats(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let p
  try { p = parseFlags(words, [{ long: 'no-stream', kind: 'bool' }, { long: 'all', short: 'a', kind: 'bool' }, { long: 'no-trunc', kind: 'bool' }], false, 'stats') } catch (e) { return flagFail(e) }
  if (!bool(p.values['no-stream']) && ctx.inProcess) return out('', 'docker stats streams until interrupted: in the sandbox use `docker stats --no-stream`, and watch the live meters in the scene\n', 1)
  try {
    let ids: string[] = p.args
    if (ids.length === 0) ids = (await callJson<ContainerSummary[]>(ctx, 'GET', '/containers/json', bool(p.values['all']) ? { all: '1' } : {})).map((c) => c.Id.slice(0, 12))
    const rows: string[][] = []
    let stderr = ''
    for (const id of ids) {
      try {
        const s = await callJson<Stats>(ctx, 'GET', `/containers/${id}/stats`, { stream: '0' })
        const cpuDelta = s.cpu_stats.cpu_usage.total_usage - s.precpu_stats.cpu_usage.total_usage
        const sysDelta = s.cpu_stats.system_cpu_usage - s.precpu_stats.system_cpu_usage
        const cpu = sysDelta > 0 && cpuDelta > 0 ? (cpuDelta / sysDelta) * s.cpu_stats.online_cpus * 100 : 0
        const usage = (s.memory_stats.usage ?? 0) - (s.memory_stats.stats?.inactive_file ?? 0)
        const limit = s.memory_stats.limit ?? 0
        const net = Object.values(s.networks ?? {}).reduce((a, n) => [a[0]! + n.rx_bytes, a[1]! + n.tx_bytes], [0, 0])
        const blk = (s.blkio_stats?.io_service_bytes_recursive ?? []).reduce((a, b) => b.op.toLowerCase() === 'read' ? [a[0]! + b.value, a[1]!] : b.op.toLowerCase() === 'write' ? [a[0]!, a[1]! + b.value] : a, [0, 0])
        rows.push([s.id ? s.id.slice(0, 12) : '', s.name ? s.name.replace(/^\//, '') : '--', `${cpu.toFixed(2)}%`, `${bytesSize(usage)} / ${bytesSize(limit)}`,
          `${(limit > 0 ? (usage / limit) * 100 : 0).toFixed(2)}%`, `${humanSize(net[0]!)} / ${humanSize(net[1]!)}`, `${humanSize(blk[0]!)} / ${humanSize(blk[1]!)}`, String(s.pids_stats?.current ?? 0)])
      } catch (e) { if (e instanceof ApiError) stderr += `Error response from daemon: ${e.message}\n`; else throw e }
    }
    return out(tabTable(['CONTAINER ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'], rows), stderr, stderr ? 1 : 0)
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

export async function exec(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let p
  try { p = parseFlags(words, [{ long: 'interactive', short: 'i', kind: 'bool' }, { long: 'tty', short: 't', kind: 'bool' }, { long: 'detach', short: 'd', kind: 'bool' }, { long: 'env', short: 'e', kind: 'list' }, { long: 'user', short: 'u', kind: 'value' }, { long: 'workdir', short: 'w', kind: 'value' }], true, 'exec') } catch (e) { return flagFail(e) }
  if (p.args.length < 2) return out('', `"docker exec" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n`, 1)
  const [name, ...cmd] = p.args
  const tty = bool(p.values['tty'])
  try {
    await callJson<Inspect>(ctx, 'GET', `/containers/${name}/json`)
    const created = await callJson<{ Id: string }>(ctx, 'POST', `/containers/${name}/exec`, {}, {
      User: str(p.values['user']) ?? '', Privileged: false, Tty: tty, AttachStdin: bool(p.values['interactive']), AttachStderr: true, AttachStdout: true,
      Detach: false, DetachKeys: '', Env: list(p.values['env']).length ? list(p.values['env']) : null, WorkingDir: str(p.values['workdir']) ?? '', Cmd: cmd
    })
    const startReq = req(ctx, 'POST', `/exec/${created.Id}/start`, {}, { Detach: false, Tty: tty })
    startReq.headers['connection'] = 'Upgrade'
    startReq.headers['upgrade'] = 'tcp'
    const handle = await ctx.transport.open(startReq)
    if (handle.status >= 400) return daemonError(new ApiError(handle.status, streamErrorMessage(handle)))
    await ctx.transport.until(handle, 3_600_000).catch((e: unknown) => { if (!(e instanceof TimeoutError)) throw e; handle.close() })
    const streams = demux(concat(handle.chunks), tty)
    const info = await callJson<{ ExitCode: number | null }>(ctx, 'GET', `/exec/${created.Id}/json`)
    return out(streams.stdout, streams.stderr, info.ExitCode ?? 0)
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

export async function top(ctx: CliContext, words: string[]): Promise<CliOutput> {
  if (words.length < 1) return needArgs('top', 'CONTAINER [ps OPTIONS]', 'Display the running processes of a container')
  try {
    const t = await callJson<{ Titles: string[]; Processes: string[][] }>(ctx, 'GET', `/containers/${words[0]}/top`)
    return out(tabTable(t.Titles, t.Processes, 20))
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

export async function port(ctx: CliContext, words: string[]): Promise<CliOutput> {
  if (words.length < 1) return needArgs('port', 'CONTAINER [PRIVATE_PORT[/PROTO]]', 'List port mappings or a specific mapping for the container')
  try {
    const info = await callJson<Inspect>(ctx, 'GET', `/containers/${words[0]}/json`)
    const lines: string[] = []
    for (const [key, binds] of Object.entries(info.NetworkSettings?.Ports ?? {})) {
      for (const b of binds ?? []) lines.push(`${key} -> ${b.HostIp === '::' ? '[::]' : b.HostIp || '0.0.0.0'}:${b.HostPort}`)
    }
    return out(lines.map((l) => l + '\n').join(''))
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

export async function rename(ctx: CliContext, words: string[]): Promise<CliOutput> {
  if (words.length !== 2) return out('', `"docker rename" requires exactly 2 arguments.\nSee 'docker rename --help'.\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRename a container\n`, 1)
  try { await call(ctx, 'POST', `/containers/${words[0]}/rename`, { name: words[1]! }); return out('') }
  catch (e) { if (e instanceof ApiError) return out('', `Error response from daemon: ${e.message}\nError: failed to rename container named ${words[0]}\n`, 1); throw e }
}

export async function wait(ctx: CliContext, words: string[]): Promise<CliOutput> {
  if (words.length < 1) return needArgs('wait', 'CONTAINER [CONTAINER...]', 'Block until one or more containers stop, then print their exit codes')
  let stdout = ''
  let stderr = ''
  for (const name of words) {
    const handle = await ctx.transport.open(req(ctx, 'POST', `/containers/${name}/wait`))
    if (handle.status >= 400) { stderr += `Error response from daemon: ${streamErrorMessage(handle)}\n`; continue }
    try { await ctx.transport.until(handle, 3_600_000) } catch (e) { handle.close(); if (e instanceof TimeoutError) { stderr += `${name}: ${e.message}\n`; continue } throw e }
    stdout += `${(JSON.parse(text(concat(handle.chunks)).trim()) as { StatusCode: number }).StatusCode}\n`
  }
  return out(stdout, stderr, stderr ? 1 : 0)
}
