// docker version, info, network, volume, system df, events.
import { bytesSize, humanSize } from '../../sim/index.ts'
import { ApiError, call, callJson, daemonError, out, req, type CliContext, type CliOutput } from '../api.ts'
import { bool, list, parseFlags, str, FlagError } from '../flags.ts'
import { tabTable } from '../format.ts'
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

type Info = Record<string, unknown> & { Containers?: number; ContainersRunning?: number; ContainersPaused?: number; ContainersStopped?: number; Images?: number; ServerVersion?: string; Driver?: string; KernelVersion?: string; OperatingSystem?: string; OSType?: string; Architecture?: string; NCPU?: number; MemTotal?: number; Name?: string; ID?: string; CgroupVersion?: string; LoggingDriver?: string }

export async function info(ctx: CliContext, context: string): Promise<CliOutput> {
  const client = `Client:\n Version:    28.2.2\n Context:    ${context}\n Debug Mode: false\n\nServer:\n`
  try {
    const i = await callJson<Info>(ctx, 'GET', '/info')
    const lines = [
      ` Containers: ${i.Containers ?? 0}`, `  Running: ${i.ContainersRunning ?? 0}`, `  Paused: ${i.ContainersPaused ?? 0}`, `  Stopped: ${i.ContainersStopped ?? 0}`,
      ` Images: ${i.Images ?? 0}`, ` Server Version: ${i.ServerVersion ?? ''}`, ` Storage Driver: ${i.Driver ?? ''}`, ` Logging Driver: ${i.LoggingDriver ?? 'json-file'}`,
      ' Cgroup Driver: systemd', ` Cgroup Version: ${i.CgroupVersion ?? '2'}`, ' Swarm: inactive', ' Runtimes: io.containerd.runc.v2 runc', ' Default Runtime: runc',
      ' Security Options:', '  seccomp', '   Profile: builtin', '  cgroupns', ` Kernel Version: ${i.KernelVersion ?? ''}`, ` Operating System: ${i.OperatingSystem ?? ''}`,
      ` OSType: ${i.OSType ?? ''}`, ` Architecture: ${i.Architecture ?? ''}`, ` CPUs: ${i.NCPU ?? 0}`, ` Total Memory: ${bytesSize(i.MemTotal ?? 0)}`,
      ` Name: ${i.Name ?? ''}`, ` ID: ${i.ID ?? ''}`, ' Docker Root Dir: /var/lib/docker', ' Debug Mode: false', ' Experimental: false', ' Live Restore Enabled: false', ''
    ]
    return out(client + lines.join('\n') + '\n')
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
        return out(stdout, stderr, stderr ? 1 : 0)
      }
      case 'inspect': {
        const found = []
        for (const n of rest) found.push(await callJson(ctx, 'GET', `/networks/${n}`))
        return out(JSON.stringify(found, null, 4) + '\n')
      }
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
      case 'inspect': {
        const found = []
        for (const n of rest) found.push(await callJson(ctx, 'GET', `/volumes/${n}`))
        return out(JSON.stringify(found, null, 4) + '\n')
      }
      default:
        return out('', `docker: unknown command: docker volume ${sub ?? ''}\n\nRun 'docker volume --help' for more information\n`, 1)
    }
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
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
export async function events(ctx: CliContext, words: string[], parseSince: (s: string) => number | null): Promise<CliOutput> {
  let p
  try { p = parseFlags(words, [{ long: 'since', kind: 'value' }, { long: 'until', kind: 'value' }, { long: 'filter', short: 'f', kind: 'list' }], false, 'events') } catch (e) { return flagFail(e) }
  const query: Record<string, string> = {}
  for (const key of ['since', 'until'] as const) {
    const v = str(p.values[key])
    if (v === undefined) continue
    const t = parseSince(v)
    if (t === null) return out('', `invalid value for --${key}: ${v}\n`, 1)
    query[key] = String(t)
  }
  if (query['until'] === undefined && ctx.inProcess) query['until'] = String(Math.floor(ctx.nowMs() / 1000))
  const filters: Record<string, Record<string, boolean>> = {}
  for (const f of list(p.values['filter'])) { const [k, v] = f.split('='); if (k && v) filters[k] = { ...(filters[k] ?? {}), [v]: true } }
  if (Object.keys(filters).length) query['filters'] = JSON.stringify(filters)
  const res = await ctx.transport.request(req(ctx, 'GET', '/events', query))
  if (res.status >= 400) return daemonError(new ApiError(res.status, new TextDecoder().decode(res.body)))
  const lines = (jsonLines(res.body) as EventMessage[]).map((e) => {
    // timeNano does not fit a double exactly; the simulation's clock is in whole ms anyway
    const iso = new Date(Math.round(e.timeNano / 1e6)).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')
    const attrs = Object.entries(e.Actor.Attributes).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(', ')
    return `${iso} ${e.Type} ${e.Action} ${e.Actor.ID}${attrs ? ` (${attrs})` : ''}\n`
  })
  return out(lines.join(''))
}
