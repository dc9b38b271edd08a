// docker version, info, network, volume, system df, events.
import { bytesSize, humanSize } from '../../sim/index.ts'
import { ApiError, call, callJson, daemonError, errorMessage, out, req, type CliContext, type CliOutput } from '../api.ts'
import { bool, list, parseFlags, str, FlagError } from '../flags.ts'
import { tabTable, unixTimestampText } from '../format.ts'
import { jsonLines } from '../streams.ts'

const flagFail = (e: unknown): CliOutput => { if (e instanceof FlagError) return out('', e.message + '\n', 125); throw e }

export function clientBlock(ctx: CliContext, context: string): string {
  return [
    'Client:', ' Version:           28.2.2', ` API version:       ${ctx.apiVersion}${ctx.apiVersion !== '1.50' ? ' (downgraded from 1.50)' : ''}`,
    ' Go version:        go1.24.3', ' Git commit:        e6534b4', ' Built:             Fri May 30 12:07:14 2025', ' OS/Arch:           linux/amd64', ` Context:           ${context}`, ''
  ].join('\n')
}

interface VersionInfo { Version?: string; ApiVersion?: string; MinAPIVersion?: string; GoVersion?: string; GitCommit?: string; BuildTime?: string; Os?: string; Arch?: string; Platform?: { Name?: string }; Components?: { Name: string; Version: string; Details?: Record<string, string> }[] }

export async function version(ctx: CliContext, context: string): Promise<CliOutput> {
  const client = clientBlock(ctx, context)
  try {
    const v = await callJson<VersionInfo>(ctx, 'GET', '/version')
    const lines = ['', `Server: ${v.Platform?.Name ?? ''}`]
    for (const c of v.Components ?? []) {
      lines.push(` ${c.Name}:`)
      lines.push(`  Version:          ${c.Version}`)
      const d = c.Details ?? {}
      if (c.Name === 'Engine') {
        lines.push(`  API version:      ${d['ApiVersion']} (minimum version ${d['MinAPIVersion']})`, `  Go version:       ${d['GoVersion']}`, `  Git commit:       ${d['GitCommit']}`,
          `  Built:            ${d['BuildTime']}`, `  OS/Arch:          ${d['Os']}/${d['Arch']}`, `  Experimental:     ${d['Experimental']}`)
      } else if (d['GitCommit']) lines.push(`  GitCommit:        ${d['GitCommit']}`)
    }
    return out(client + lines.join('\n') + '\n')
  } catch (e) {
    if (e instanceof ApiError) return out(client, `Error response from daemon: ${e.message}\n`, 1)
    throw e
  }
}

interface Info {
  Containers?: number; ContainersRunning?: number; ContainersPaused?: number; ContainersStopped?: number; Images?: number; ServerVersion?: string
  Driver?: string; DriverStatus?: [string, string][] | null; LoggingDriver?: string; CgroupDriver?: string; CgroupVersion?: string
  Plugins?: { Volume?: string[] | null; Network?: string[] | null; Authorization?: string[] | null; Log?: string[] | null }; CDISpecDirs?: string[] | null
  Swarm?: { LocalNodeState?: string }; Runtimes?: Record<string, unknown>; DefaultRuntime?: string; InitBinary?: string
  ContainerdCommit?: { ID?: string }; RuncCommit?: { ID?: string }; InitCommit?: { ID?: string }; SecurityOptions?: string[] | null
  KernelVersion?: string; OperatingSystem?: string; OSType?: string; Architecture?: string; NCPU?: number; MemTotal?: number; Name?: string; ID?: string
  DockerRootDir?: string; Debug?: boolean; HttpProxy?: string; HttpsProxy?: string; NoProxy?: string; Labels?: string[] | null; ExperimentalBuild?: boolean
  RegistryConfig?: { InsecureRegistryCIDRs?: string[] | null; IndexConfigs?: Record<string, { Name: string; Secure: boolean }> | null; Mirrors?: string[] | null } | null
  LiveRestoreEnabled?: boolean; Warnings?: string[] | null
}

/** The Server part of `docker info`, in the order docker CLI 28's prettyPrintServerInfo writes it. */
function serverInfoLines(i: Info): string[] {
  const lines: string[] = []
  const nonEmpty = (label: string, v: string | undefined) => { if (v) lines.push(`${label} ${v}`) }
  lines.push(` Containers: ${i.Containers ?? 0}`, `  Running: ${i.ContainersRunning ?? 0}`, `  Paused: ${i.ContainersPaused ?? 0}`,
    `  Stopped: ${i.ContainersStopped ?? 0}`, ` Images: ${i.Images ?? 0}`)
  nonEmpty(' Server Version:', i.ServerVersion)
  nonEmpty(' Storage Driver:', i.Driver)
  for (const [k, v] of i.DriverStatus ?? []) lines.push(`  ${k}: ${v}`)
  nonEmpty(' Logging Driver:', i.LoggingDriver)
  nonEmpty(' Cgroup Driver:', i.CgroupDriver)
  nonEmpty(' Cgroup Version:', i.CgroupVersion)
  const p = i.Plugins ?? {}
  lines.push(' Plugins:', `  Volume: ${(p.Volume ?? []).join(' ')}`, `  Network: ${(p.Network ?? []).join(' ')}`)
  if (p.Authorization?.length) lines.push(`  Authorization: ${p.Authorization.join(' ')}`)
  lines.push(`  Log: ${(p.Log ?? []).join(' ')}`)
  if (i.CDISpecDirs?.length) lines.push(' CDI spec directories:', ...i.CDISpecDirs.map((d) => `  ${d}`))
  lines.push(` Swarm: ${i.Swarm?.LocalNodeState ?? ''}`)
  const runtimes = Object.keys(i.Runtimes ?? {}).sort()
  if (runtimes.length) lines.push(` Runtimes: ${runtimes.join(' ')}`, ` Default Runtime: ${i.DefaultRuntime ?? ''}`)
  if (i.OSType === 'linux') {
    lines.push(` Init Binary: ${i.InitBinary ?? ''}`, ` containerd version: ${i.ContainerdCommit?.ID ?? ''}`, ` runc version: ${i.RuncCommit?.ID ?? ''}`,
      ` init version: ${i.InitCommit?.ID ?? ''}`)
    if (i.SecurityOptions?.length) {
      lines.push(' Security Options:')
      for (const opt of i.SecurityOptions) {
        const kv = Object.fromEntries(opt.split(',').map((part) => [part.split('=')[0]!, part.split('=').slice(1).join('=')]))
        lines.push(`  ${kv['name'] ?? ''}`)
        if (kv['profile']) lines.push(`   Profile: ${kv['profile']}`)
      }
    }
  }
  nonEmpty(' Kernel Version:', i.KernelVersion)
  nonEmpty(' Operating System:', i.OperatingSystem)
  nonEmpty(' OSType:', i.OSType)
  nonEmpty(' Architecture:', i.Architecture)
  lines.push(` CPUs: ${i.NCPU ?? 0}`, ` Total Memory: ${bytesSize(i.MemTotal ?? 0)}`)
  nonEmpty(' Name:', i.Name)
  nonEmpty(' ID:', i.ID)
  lines.push(` Docker Root Dir: ${i.DockerRootDir ?? ''}`, ` Debug Mode: ${String(i.Debug ?? false)}`)
  nonEmpty(' HTTP Proxy:', i.HttpProxy)
  nonEmpty(' HTTPS Proxy:', i.HttpsProxy)
  nonEmpty(' No Proxy:', i.NoProxy)
  if (i.Labels?.length) lines.push(' Labels:', ...i.Labels.map((l) => `  ${l}`))
  lines.push(` Experimental: ${String(i.ExperimentalBuild ?? false)}`)
  const reg = i.RegistryConfig
  if (reg && ((reg.InsecureRegistryCIDRs?.length ?? 0) > 0 || Object.keys(reg.IndexConfigs ?? {}).length > 0)) {
    lines.push(' Insecure Registries:')
    for (const c of Object.values(reg.IndexConfigs ?? {})) if (!c.Secure) lines.push(`  ${c.Name}`)
    for (const cidr of reg.InsecureRegistryCIDRs ?? []) lines.push(`  ${cidr}`)
  }
  if (reg?.Mirrors?.length) lines.push(' Registry Mirrors:', ...reg.Mirrors.map((m) => `  ${m}`))
  lines.push(` Live Restore Enabled: ${String(i.LiveRestoreEnabled ?? false)}`, '')
  return lines
}

export async function info(ctx: CliContext, context: string): Promise<CliOutput> {
  const client = `Client:\n Version:    28.2.2\n Context:    ${context}\n Debug Mode: false\n\nServer:\n`
  try {
    const i = await callJson<Info>(ctx, 'GET', '/info')
    return out(client + serverInfoLines(i).join('\n') + '\n', (i.Warnings ?? []).map((w) => w + '\n').join(''))
  } catch (e) {
    if (e instanceof ApiError) return out(client, `ERROR: Error response from daemon: ${e.message}\nerrors pretty printing info\n`, 1)
    throw e
  }
}

export async function network(ctx: CliContext, words: string[]): Promise<CliOutput> {
  const [sub, ...rest] = words
  try {
    switch (sub) {
      case 'create': {
        let p
        try { p = parseFlags(rest, [{ long: 'driver', short: 'd', kind: 'value' }, { long: 'internal', kind: 'bool' }, { long: 'subnet', kind: 'list' }], false, 'network create') } catch (e) { return flagFail(e) }
        if (p.args.length !== 1) return out('', `"docker network create" requires exactly 1 argument.\nSee 'docker network create --help'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n`, 1)
        const r = await callJson<{ Id: string }>(ctx, 'POST', '/networks/create', {}, {
          Driver: str(p.values['driver']) ?? 'bridge', Scope: '', IPAM: { Driver: 'default', Options: {}, Config: list(p.values['subnet']).map((s) => ({ Subnet: s })) },
          Internal: bool(p.values['internal']), Attachable: false, Ingress: false, ConfigOnly: false, ConfigFrom: null, Options: {}, Labels: {}, Name: p.args[0]
        })
        return out(r.Id + '\n')
      }
      case 'ls': case 'list': {
        const nets = await callJson<{ Id: string; Name: string; Driver: string; Scope: string }[]>(ctx, 'GET', '/networks')
        nets.sort((a, b) => a.Name.localeCompare(b.Name))
        return out(tabTable(['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], nets.map((n) => [n.Id.slice(0, 12), n.Name, n.Driver, n.Scope])))
      }
      case 'rm': case 'remove': {
        if (rest.length === 0) return out('', `"docker network rm" requires at least 1 argument.\nSee 'docker network rm --help'.\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\nRemove one or more networks\n`, 1)
        let stdout = ''
        let stderr = ''
        for (const n of rest) {
          try { await call(ctx, 'GET', `/networks/${n}`); await call(ctx, 'DELETE', `/networks/${n}`); stdout += n + '\n' }
          catch (e) { if (!(e instanceof ApiError)) throw e; stderr += `Error response from daemon: ${e.message}\n` }
        }
        // docker 28's network rm ends with a bare StatusError, which its main prints as "exit status 1"
        return stderr ? out(stdout, stderr + 'exit status 1\n', 1) : out(stdout)
      }
      case 'inspect': return inspectEach(ctx, rest, (n) => `/networks/${n}`)
      default:
        return out('', `docker: unknown command: docker network ${sub ?? ''}\n\nRun 'docker network --help' for more information\n`, 1)
    }
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

export async function volume(ctx: CliContext, words: string[]): Promise<CliOutput> {
  const [sub, ...rest] = words
  try {
    switch (sub) {
      case 'create': {
        const v = await callJson<{ Name: string }>(ctx, 'POST', '/volumes/create', {}, { Driver: 'local', Name: rest[0] ?? '' })
        return out(v.Name + '\n')
      }
      case 'ls': case 'list': {
        const r = await callJson<{ Volumes?: { Driver: string; Name: string }[] | null }>(ctx, 'GET', '/volumes')
        return out(tabTable(['DRIVER', 'VOLUME NAME'], (r.Volumes ?? []).map((v) => [v.Driver, v.Name])))
      }
      case 'rm': case 'remove': {
        const force = rest.includes('-f') || rest.includes('--force')
        const names = rest.filter((x) => !x.startsWith('-'))
        if (names.length === 0) return out('', `"docker volume rm" requires at least 1 argument.\nSee 'docker volume rm --help'.\n\nUsage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]\n\nRemove one or more volumes\n`, 1)
        let stdout = ''
        let stderr = ''
        for (const n of names) {
          try { await call(ctx, 'DELETE', `/volumes/${n}`, force ? { force: '1' } : {}); stdout += n + '\n' }
          catch (e) { if (!(e instanceof ApiError)) throw e; stderr += `Error response from daemon: ${e.message}\n` }
        }
        return out(stdout, stderr, stderr ? 1 : 0)
      }
      case 'inspect': return inspectEach(ctx, rest, (n) => `/volumes/${n}`)
      default:
        return out('', `docker: unknown command: docker volume ${sub ?? ''}\n\nRun 'docker volume --help' for more information\n`, 1)
    }
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

/** `network inspect` / `volume inspect`: what was found as a JSON array (`[]` when nothing), errors on stderr. */
async function inspectEach(ctx: CliContext, names: string[], path: (name: string) => string): Promise<CliOutput> {
  const found: unknown[] = []
  let stderr = ''
  for (const n of names) {
    try { found.push(await callJson(ctx, 'GET', path(n))) }
    catch (e) { if (!(e instanceof ApiError)) throw e; stderr += `Error response from daemon: ${e.message}\n` }
  }
  return out(JSON.stringify(found, null, 4) + '\n', stderr, stderr ? 1 : 0)
}

interface Df { LayersSize?: number; Images?: { Containers: number; Size: number; SharedSize?: number }[]; Containers?: { State: string; SizeRw?: number }[]; Volumes?: { UsageData?: { Size: number; RefCount: number } }[]; BuildCache?: { Size: number; InUse: boolean }[] }

export async function systemDf(ctx: CliContext): Promise<CliOutput> {
  try {
    const df = await callJson<Df>(ctx, 'GET', '/system/df')
    const images = df.Images ?? []
    const activeImages = images.filter((i) => i.Containers > 0)
    const layers = df.LayersSize ?? 0
    const activeImageSize = activeImages.reduce((s, i) => s + i.Size - (i.SharedSize && i.SharedSize > 0 ? i.SharedSize : 0), 0)
    const reclaimImages = Math.max(0, layers - activeImageSize)
    const containers = df.Containers ?? []
    const cSize = containers.reduce((s, c) => s + (c.SizeRw ?? 0), 0)
    const cReclaim = containers.filter((c) => c.State !== 'running').reduce((s, c) => s + (c.SizeRw ?? 0), 0)
    const vols = df.Volumes ?? []
    const vSize = vols.reduce((s, v) => s + Math.max(0, v.UsageData?.Size ?? 0), 0)
    const vReclaim = vols.filter((v) => (v.UsageData?.RefCount ?? 0) === 0).reduce((s, v) => s + Math.max(0, v.UsageData?.Size ?? 0), 0)
    const pct = (part: number, whole: number) => (whole > 0 ? ` (${Math.round((part / whole) * 100)}%)` : '')
    return out(tabTable(['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'], [
      ['Images', String(images.length), String(activeImages.length), humanSize(layers), `${humanSize(reclaimImages)}${pct(reclaimImages, layers) || (images.length ? ' (0%)' : '')}`],
      ['Containers', String(containers.length), String(containers.filter((c) => c.State === 'running').length), humanSize(cSize), `${humanSize(cReclaim)}${pct(cReclaim, cSize)}`],
      ['Local Volumes', String(vols.length), String(vols.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length), humanSize(vSize), `${humanSize(vReclaim)}${pct(vReclaim, vSize)}`],
      ['Build Cache', '0', '0', '0B', '0B']
    ]))
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

interface EventMessage { Type: string; Action: string; Actor: { ID: string; Attributes: Record<string, string> }; timeNano: number }

/** `docker events`: in the sandbox it replays what happened up to now (an endless stream has no place in a script). */
export async function events(ctx: CliContext, words: string[], parseSince: (s: string) => string | null): Promise<CliOutput> {
  let p
  try { p = parseFlags(words, [{ long: 'since', kind: 'value' }, { long: 'until', kind: 'value' }, { long: 'filter', short: 'f', kind: 'list' }], false, 'events') } catch (e) { return flagFail(e) }
  const query: Record<string, string> = {}
  for (const key of ['since', 'until'] as const) {
    const v = str(p.values[key])
    if (v === undefined) continue
    const t = parseSince(v)
    if (t === null) return out('', `failed to parse value as time or duration: "${v}"\n`, 1)
    query[key] = t
  }
  if (query['until'] === undefined && ctx.inProcess) {
    // up to this very moment: whole seconds would drop what happened earlier in the current second
    query['until'] = unixTimestampText(ctx.nowMs())
  }
  const filters: Record<string, Record<string, boolean>> = {}
  for (const f of list(p.values['filter'])) { const [k, v] = f.split('='); if (k && v) filters[k] = { ...(filters[k] ?? {}), [v]: true } }
  if (Object.keys(filters).length) query['filters'] = JSON.stringify(filters)
  const res = await ctx.transport.request(req(ctx, 'GET', '/events', query))
  if (res.status >= 400) return daemonError(new ApiError(res.status, errorMessage(res)))
  const lines = (jsonLines(res.body) as EventMessage[]).map((e) => {
    // timeNano does not fit a double exactly; the simulation's clock is in whole ms anyway
    const iso = new Date(Math.round(e.timeNano / 1e6)).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')
    const attrs = Object.entries(e.Actor.Attributes).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(', ')
    return `${iso} ${e.Type} ${e.Action} ${e.Actor.ID}${attrs ? ` (${attrs})` : ''}\n`
  })
  return out(lines.join(''))
}
