// docker run / create: build the create body docker CLI 28 sends, pull on 404, attach and wait in the foreground.
import { parseDurationMs, parseSizeMb } from '../../sim/index.ts'
import { ApiError, call, callJson, errorMessage, out, req, type CliContext, type CliOutput } from '../api.ts'
import { bool, list, parseFlags, str, FlagError, type FlagDef } from '../flags.ts'
import { demux } from '../streams.ts'
import { concat, TimeoutError, type RawResponse } from '../transport.ts'
import { pullImage } from './images.ts'

export const RUN_FLAGS: FlagDef[] = [
  { long: 'detach', short: 'd', kind: 'bool' }, { long: 'rm', kind: 'bool' }, { long: 'name', kind: 'value' },
  { long: 'publish', short: 'p', kind: 'list' }, { long: 'memory', short: 'm', kind: 'value' }, { long: 'cpus', kind: 'value' },
  { long: 'cpu-shares', short: 'c', kind: 'value' }, { long: 'pids-limit', kind: 'value' }, { long: 'restart', kind: 'value' },
  { long: 'privileged', kind: 'bool' }, { long: 'network', kind: 'value' }, { long: 'net', kind: 'value' },
  { long: 'volume', short: 'v', kind: 'list' }, { long: 'env', short: 'e', kind: 'list' }, { long: 'health-cmd', kind: 'value' },
  { long: 'health-interval', kind: 'value' }, { long: 'health-retries', kind: 'value' }, { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'tty', short: 't', kind: 'bool' }, { long: 'entrypoint', kind: 'value' }, { long: 'hostname', short: 'h', kind: 'value' },
  { long: 'cap-add', kind: 'list' }, { long: 'cap-drop', kind: 'list' }, { long: 'label', short: 'l', kind: 'list' },
  { long: 'quiet', short: 'q', kind: 'bool' }, { long: 'pull', kind: 'value' }, { long: 'platform', kind: 'value' }
]

const RUN_HELP = "\n\nRun 'docker run --help' for more information"

function invalid(command: string, message: string): FlagError {
  return new FlagError(`invalid argument ${message}\nSee 'docker ${command} --help'.`)
}

/**
 * `-p` as go-connections' ParsePortSpec reads it: `[IP:][HOSTPORT:]CONTAINERPORT[/PROTO]`, where `IP::PORT` leaves the
 * host port to the daemon and an IPv6 address is bracketed (`[::1]:5000:50`).
 */
export function parsePublish(spec: string, command: string): { hostIp: string; hostPort: string; containerPort: string; protocol: string } {
  const fail = (what: string) => new FlagError(`${what}\n\nRun 'docker ${command} --help' for more information`)
  const slash = spec.lastIndexOf('/')
  const protocol = slash >= 0 ? spec.slice(slash + 1) : 'tcp'
  let rest = slash >= 0 ? spec.slice(0, slash) : spec
  let hostIp = ''
  const v6 = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(rest)
  if (v6) { hostIp = v6[1]!; rest = v6[2]! }
  const parts = rest.split(':')
  let hostPort = ''
  let containerPort: string
  if (parts.length === 1) containerPort = parts[0]!
  else if (parts.length === 2) { hostPort = parts[0]!; containerPort = parts[1]! }
  else if (parts.length === 3 && !v6) { hostIp = parts[0]!; hostPort = parts[1]!; containerPort = parts[2]! }
  else throw fail(`invalid IP address: ${parts.slice(0, -2).join(':')}`)
  if (hostIp && !v6 && !/^\d{1,3}(\.\d{1,3}){3}$/.test(hostIp)) throw fail(`invalid IP address: ${hostIp}`)
  if (!/^\d+$/.test(containerPort) || Number(containerPort) < 1 || Number(containerPort) > 65535) throw fail(`invalid containerPort: ${containerPort}`)
  if (hostPort && (!/^\d+$/.test(hostPort) || Number(hostPort) > 65535)) throw fail(`invalid hostPort: ${hostPort}`)
  if (!['tcp', 'udp', 'sctp'].includes(protocol)) throw fail(`invalid proto: ${protocol}`)
  return { hostIp, hostPort, containerPort, protocol }
}

/** The create body, as docker CLI 28 builds it from the flags. */
export function createBody(command: string, values: Record<string, string | boolean | string[]>, image: string, cmd: string[], foreground: boolean): Record<string, unknown> {
  const exposed: Record<string, object> = {}
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {}
  for (const spec of list(values['publish'])) {
    const p = parsePublish(spec, command)
    const key = `${p.containerPort}/${p.protocol}`
    exposed[key] = {}
    bindings[key] = [...(bindings[key] ?? []), { HostIp: p.hostIp, HostPort: p.hostPort }]
  }
  let memory = 0
  const memText = str(values['memory'])
  if (memText !== undefined) {
    const mb = parseSizeMb(memText)
    if (mb === null || mb < 0) throw invalid(command, `"${memText}" for "-m, --memory" flag: invalid size: '${memText}'`)
    memory = Math.round(mb * 1048576)
  }
  let nanoCpus = 0
  const cpusText = str(values['cpus'])
  if (cpusText !== undefined) {
    const n = Number(cpusText)
    if (!Number.isFinite(n) || n < 0) throw invalid(command, `"${cpusText}" for "--cpus" flag: failed to parse ${cpusText} as a rational number`)
    nanoCpus = Math.round(n * 1e9)
  }
  const pidsText = str(values['pids-limit'])
  let pidsLimit = 0
  if (pidsText !== undefined) {
    const n = Number(pidsText)
    if (!Number.isInteger(n)) throw invalid(command, `"${pidsText}" for "--pids-limit" flag: strconv.ParseInt: parsing "${pidsText}": invalid syntax`)
    pidsLimit = n
  }
  const sharesText = str(values['cpu-shares'])
  const cpuShares = sharesText === undefined ? 0 : Number(sharesText)
  if (!Number.isInteger(cpuShares) || cpuShares < 0) throw invalid(command, `"${sharesText}" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "${sharesText}": invalid syntax`)
  const restart = str(values['restart']) ?? 'no'
  const rm = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(restart)
  if (!rm || (rm[2] && rm[1] !== 'on-failure')) throw new FlagError(`invalid restart policy format: ${restart}`)
  for (const e of list(values['env'])) if (e.startsWith('=')) throw invalid(command, `"${e}" for "-e, --env" flag: invalid environment variable: ${e}`)
  for (const v of list(values['volume'])) if (v.split(':').length < 2) throw invalid(command, `"${v}" for "-v, --volume" flag: invalid spec: ${v}: empty section between colons`)
  let healthcheck: Record<string, unknown> | undefined
  const healthCmd = str(values['health-cmd'])
  if (healthCmd !== undefined) {
    const intervalText = str(values['health-interval'])
    const intervalMs = intervalText === undefined ? 0 : parseDurationMs(intervalText)
    if (intervalMs === null) throw invalid(command, `"${intervalText}" for "--health-interval" flag: time: invalid duration "${intervalText}"`)
    const retries = Number(str(values['health-retries']) ?? '0')
    healthcheck = { Test: ['CMD-SHELL', healthCmd], Interval: intervalMs * 1e6, Retries: retries }
  }
  const tty = bool(values['tty'])
  const interactive = bool(values['interactive'])
  const entrypoint = str(values['entrypoint'])
  const network = str(values['network']) ?? str(values['net']) ?? 'default'
  const body: Record<string, unknown> = {
    Hostname: str(values['hostname']) ?? '', Domainname: '', User: '', AttachStdin: interactive, AttachStdout: foreground, AttachStderr: foreground,
    ExposedPorts: exposed, Tty: tty, OpenStdin: interactive, StdinOnce: interactive, Env: list(values['env']).length ? list(values['env']) : null,
    Cmd: cmd.length ? cmd : null, Image: image, Volumes: {}, WorkingDir: '', Entrypoint: entrypoint !== undefined ? [entrypoint] : null,
    OnBuild: null, Labels: Object.fromEntries(list(values['label']).map((l) => [l.split('=')[0], l.split('=').slice(1).join('=')])),
    HostConfig: {
      Binds: list(values['volume']).length ? list(values['volume']) : null, ContainerIDFile: '', LogConfig: { Type: '', Config: {} },
      NetworkMode: network, PortBindings: bindings, RestartPolicy: { Name: rm[1], MaximumRetryCount: Number(rm[2] ?? 0) },
      AutoRemove: bool(values['rm']), CapAdd: list(values['cap-add']).length ? list(values['cap-add']) : null,
      CapDrop: list(values['cap-drop']).length ? list(values['cap-drop']) : null, Privileged: bool(values['privileged']),
      ConsoleSize: [0, 0], CpuShares: cpuShares, Memory: memory, NanoCpus: nanoCpus, PidsLimit: pidsLimit, MemorySwappiness: -1
    },
    NetworkingConfig: { EndpointsConfig: network === 'default' ? { default: {} } : {} }
  }
  if (healthcheck) body['Healthcheck'] = healthcheck
  return body
}

async function createWithPull(ctx: CliContext, name: string | undefined, body: Record<string, unknown>, image: string, notes: string[]): Promise<string> {
  const query: Record<string, string> = name ? { name } : {}
  try {
    return (await callJson<{ Id: string }>(ctx, 'POST', '/containers/create', query, body)).Id
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404 || !e.message.startsWith('No such image')) throw e
  }
  const ref = image.includes(':') || image.includes('@') ? image : `${image}:latest`
  notes.push(`Unable to find image '${ref}' locally\n`)
  // the progress goes to stderr; no "Using default tag" and no final reference line, as docker run prints it
  const pulled = await pullImage(ctx, image, false)
  notes.push(pulled.progress)
  if (pulled.error !== null) throw new ApiError(0, pulled.error)
  return (await callJson<{ Id: string }>(ctx, 'POST', '/containers/create', query, body)).Id
}

export async function runOrCreate(ctx: CliContext, words: string[], mode: 'run' | 'create'): Promise<CliOutput> {
  let parsed
  let body
  try {
    parsed = parseFlags(words, RUN_FLAGS, true, mode)
    if (parsed.args.length === 0) return out('', `docker: '${mode}' requires at least 1 argument\n\nUsage:  docker ${mode} [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker ${mode} --help' for more information\n`, 1)
    const detach = bool(parsed.values['detach'])
    body = createBody(mode, parsed.values, parsed.args[0]!, parsed.args.slice(1), mode === 'run' && !detach)
  } catch (e) {
    if (e instanceof FlagError) return out('', `docker: ${e.message}\n`, 125)
    throw e
  }
  const image = parsed.args[0]!
  const detach = mode === 'create' || bool(parsed.values['detach'])
  const notes: string[] = []
  let id: string
  try {
    id = await createWithPull(ctx, str(parsed.values['name']), body, image, notes)
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    // status 0: the pull failed, and its message is printed as the CLI got it
    const msg = e.status === 0 ? e.message : `Error response from daemon: ${e.message}`
    // docker run: "docker: …" plus the help hint, exit 125; docker create: the bare error, exit 1
    return mode === 'run' ? out('', `${notes.join('')}docker: ${msg}${RUN_HELP}\n`, 125) : out('', `${notes.join('')}${msg}\n`, 1)
  }
  if (mode === 'create') return out(id + '\n', notes.join(''))
  const autoRemove = bool(parsed.values['rm'])
  const tty = bool(parsed.values['tty'])
  if (detach) {
    const wait = await ctx.transport.open(req(ctx, 'POST', `/containers/${id}/wait`, { condition: autoRemove ? 'removed' : 'next-exit' }))
    const started = await ctx.transport.request(req(ctx, 'POST', `/containers/${id}/start`))
    wait.close()
    if (started.status >= 400) return startFailure(ctx, id, started, notes)
    return out(id + '\n', notes.join(''))
  }
  // hijacked, as the CLI sends it (protocol §0.5): over HTTP the answer is `101 UPGRADED` and raw bytes
  const attachReq = req(ctx, 'POST', `/containers/${id}/attach`, { stderr: '1', stdout: '1', stream: '1' })
  Object.assign(attachReq.headers, { connection: 'Upgrade', upgrade: 'tcp', 'content-type': 'text/plain' })
  const attach = await ctx.transport.open(attachReq)
  const wait = await ctx.transport.open(req(ctx, 'POST', `/containers/${id}/wait`, { condition: autoRemove ? 'removed' : 'next-exit' }))
  const started = await ctx.transport.request(req(ctx, 'POST', `/containers/${id}/start`))
  if (started.status >= 400) {
    attach.close(); wait.close()
    return startFailure(ctx, id, started, notes, false)
  }
  try {
    await ctx.transport.until(wait, 3_600_000)
  } catch (e) {
    attach.close(); wait.close()
    if (e instanceof TimeoutError) return out('', notes.join('') + `docker: the container's process did not exit (${e.message}); use -d for a service\n`, 125)
    throw e
  }
  if (!attach.ended) await ctx.transport.until(attach, 1000).catch(() => attach.close())
  const streams = demux(concat(attach.chunks), tty)
  const result = JSON.parse(new TextDecoder().decode(concat(wait.chunks)).trim() || '{}') as { StatusCode?: number }
  return out(streams.stdout, notes.join('') + streams.stderr, result.StatusCode ?? 0)
}

async function startFailure(ctx: CliContext, id: string, res: RawResponse, notes: string[], printId = true): Promise<CliOutput> {
  const message = errorMessage(res)
  const code = /executable file not found|no such file or directory/.test(message) ? 127 : /permission denied/.test(message) ? 126 : 125
  return out(printId ? id + '\n' : '', notes.join('') + `docker: Error response from daemon: ${message}${RUN_HELP}\n`, code)
}

export { call }
