// The legacy builder (`POST /build`): one layer per instruction, a cache keyed on the parent and the instruction
// (and the copied files), so reordering a Dockerfile visibly changes what is rebuilt.
import type { WorldCore } from '../WorldCore.ts'
import type { DaemonState, HealthConfig, ImageState, ProjectFolder, Timer } from '../model/types.ts'
import { CONTAINER_TIMING } from '../catalog/containerPhases.ts'
import { RUN_LAYER_DEFAULT_MB, RUN_LAYER_MB } from '../catalog/projects.ts'
import { hex64 } from '../util/hash.ts'
import { parseDurationMs } from '../util/units.ts'
import { done, refuse, type EngineResult } from './engineResult.ts'
import { addImage, findInRegistry, imageFromSpec } from './images.ts'
import { normalizeRef, resolveImage, shortId } from './imageRefs.ts'
import { splitWords } from './shell.ts'
import { recordDaemonEvent } from './daemonEvents.ts'

export interface Instruction { line: number; keyword: string; args: string; raw: string }

const KEYWORDS = ['FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'WORKDIR', 'LABEL', 'USER', 'ARG']

export function parseDockerfile(text: string): EngineResult<Instruction[]> {
  const out: Instruction[] = []
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)
  lines.forEach((rawLine, i) => {
    const raw = rawLine.trim()
    if (!raw || raw.startsWith('#')) return
    const m = /^(\S+)\s*(.*)$/.exec(raw)!
    out.push({ line: i + 1, keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), raw })
  })
  const bad = out.find((ins) => !KEYWORDS.includes(ins.keyword))
  if (bad) return refuse(400, `dockerfile parse error on line ${bad.line}: unknown instruction: ${bad.keyword}`)
  if (out.length === 0) return refuse(400, 'the Dockerfile (Dockerfile) cannot be empty')
  if (out[0]!.keyword !== 'FROM' && out[0]!.keyword !== 'ARG') return refuse(400, `dockerfile parse error on line ${out[0]!.line}: no build stage in current context`)
  const empty = out.find((ins) => !ins.args)
  if (empty) return refuse(400, `dockerfile parse error on line ${empty.line}: ${empty.keyword} requires at least one argument`)
  return done(out)
}

/** `CMD ["a","b"]` (exec form) or `CMD a b` (shell form). */
function commandForm(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args)
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed as string[]
    } catch { /* fall through to shell form */ }
  }
  return ['/bin/sh', '-c', args]
}

function filesMatching(project: ProjectFolder, src: string): { path: string; sizeMb: number; text?: string }[] {
  if (src === '.' || src === './' || src === '*') return project.files.filter((f) => f.path !== 'Dockerfile' && f.path !== '.dockerignore')
  const clean = src.replace(/^\.\//, '').replace(/\/$/, '')
  return project.files.filter((f) => f.path === clean || f.path.startsWith(clean + '/'))
}

/** Where COPY puts a file: into a directory destination (`.`, `/app/`), or onto a file name for a single source. */
function imagePath(dest: string, source: string, single: boolean): string {
  const dir = dest === '.' || dest === './' ? '/' : dest.startsWith('/') ? dest : `/${dest}`
  if (single && !dest.endsWith('/') && dest !== '.' && dest !== './') return dir
  return `${dir.replace(/\/$/, '')}/${source}`
}

export interface BuildPlan {
  lines: string[]
  durationMs: number
  image: ImageState | null
  tag: string | null
  error: string | null
  pulls: string[]
  /** instruction-chain key → layer id, recorded when the build completes */
  cacheEntries: Record<string, string>
}

interface Stage { name: string | null; files: Record<string, string>; base: ImageState; layers: ImageState['layers']; cacheKey: string; env: string[]; exposed: number[]; cmd: string[]; entrypoint: string[] | null; health: HealthConfig | null; copiedMb: number; ranSteps: number }

/** Plan (and immediately record the cache of) a build; the image is committed when its `image.built` timer fires. */
export function planBuild(core: WorldCore, daemon: DaemonState, project: ProjectFolder, dockerfilePath: string, tag: string | null): EngineResult<BuildPlan> {
  const dockerfile = project.files.find((f) => f.path === dockerfilePath)
  if (!dockerfile || dockerfile.text === undefined) {
    return refuse(500, `Cannot locate specified Dockerfile: ${dockerfilePath}`)
  }
  const parsed = parseDockerfile(dockerfile.text)
  if (!parsed.ok) return parsed
  const instructions = parsed.value.filter((i) => i.keyword !== 'ARG')
  const lines: string[] = []
  const pulls: string[] = []
  let durationMs = 0
  const cacheEntries: Record<string, string> = {}
  const stages: Stage[] = []
  let stage: Stage | null = null
  const total = instructions.length
  for (let n = 0; n < instructions.length; n++) {
    const ins = instructions[n]!
    lines.push(`Step ${n + 1}/${total} : ${ins.keyword} ${ins.args}`)
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/)
      const ref = words[0]!
      const alias = words[1]?.toUpperCase() === 'AS' ? (words[2] ?? null) : null
      const fromStage = stages.find((s) => s.name === ref)
      let base: ImageState | undefined = fromStage ? undefined : resolveImage(daemon, ref)
      if (!fromStage && !base) {
        const found = findInRegistry(ref)
        if (!found) return done({ lines, durationMs, image: null, tag, pulls, cacheEntries: {}, error: `pull access denied for ${normalizeRef(ref).split(':')[0]}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` })
        base = imageFromSpec(found.spec)
        pulls.push(normalizeRef(ref))
        const mb = base.layers.reduce((s, l) => s + l.sizeMb, 0)
        durationMs += Math.round((found.spec.compressedMb.value / CONTAINER_TIMING.registryBandwidthMbPerS.value + mb / CONTAINER_TIMING.unpackMbPerS.value) * 1000)
        lines.push(`${normalizeRef(ref).split(':')[1]}: Pulling from library/${normalizeRef(ref).split(':')[0]}`)
        lines.push(`Status: Downloaded newer image for ${normalizeRef(ref)}`)
      }
      const from: ImageState = fromStage ? { ...fromStage.base, layers: fromStage.layers } : base!
      stage = {
        name: alias, files: { ...(fromStage ? fromStage.files : (from.files ?? {})) }, base: from, layers: [...from.layers], cacheKey: from.id, env: [...from.env], exposed: [...from.exposedPorts],
        cmd: [...from.cmd], entrypoint: from.entrypoint, health: from.healthcheck, copiedMb: 0, ranSteps: 0
      }
      stages.push(stage)
      lines.push(` ---> ${shortId(from.id)}`)
      continue
    }
    const st = stage!
    let sizeMb = 0
    let keyExtra = ''
    let runsMs = 0
    switch (ins.keyword) {
      case 'RUN': {
        const known = RUN_LAYER_MB[ins.args]
        sizeMb = (known ?? RUN_LAYER_DEFAULT_MB).value
        runsMs = Math.round(sizeMb * CONTAINER_TIMING.buildMsPerMb.value) + 200
        st.ranSteps += 1
        break
      }
      case 'COPY': case 'ADD': {
        const words = splitWords(ins.args) ?? []
        const fromFlag = words.find((w) => w.startsWith('--from='))
        const srcs = words.filter((w) => !w.startsWith('--')).slice(0, -1)
        if (fromFlag) {
          const other = stages.find((s) => s.name === fromFlag.slice(7))
          if (!other) return done({ lines, durationMs, image: null, tag, pulls, cacheEntries: {}, error: `invalid from flag value ${fromFlag.slice(7)}: pull access denied` })
          // artefacts a build stage produced: what it copied in plus a model-sized build output
          sizeMb = other.copiedMb + (other.ranSteps > 0 ? 5 : 0)
          keyExtra = other.cacheKey
          Object.assign(st.files, other.files)
        } else {
          for (const src of srcs) {
            const files = filesMatching(project, src)
            if (files.length === 0) return done({ lines, durationMs, image: null, tag, pulls, cacheEntries: {}, error: `COPY failed: file not found in build context or excluded by .dockerignore: stat ${src}: file does not exist` })
            const dest = words.filter((w) => !w.startsWith('--')).at(-1) ?? '.'
            for (const f of files) {
              sizeMb += f.sizeMb
              keyExtra += `${f.path}:${f.sizeMb}:${hex64(f.text ?? '')};`
              if (f.text !== undefined) st.files[imagePath(dest, f.path, files.length === 1 && srcs.length === 1)] = f.text
            }
          }
          st.copiedMb += sizeMb
        }
        runsMs = 100
        break
      }
      case 'ENV': {
        const pairs = ins.args.includes('=') ? (splitWords(ins.args) ?? []) : [ins.args.replace(/\s+/, '=')]
        st.env.push(...pairs)
        break
      }
      case 'EXPOSE':
        for (const p of ins.args.split(/\s+/)) { const port = parseInt(p, 10); if (port > 0) st.exposed.push(port) }
        break
      case 'CMD':
        st.cmd = commandForm(ins.args)
        break
      case 'ENTRYPOINT':
        st.entrypoint = commandForm(ins.args)
        break
      case 'HEALTHCHECK': {
        const words = splitWords(ins.args) ?? []
        const interval = words.find((w) => w.startsWith('--interval='))
        const retries = words.find((w) => w.startsWith('--retries='))
        const cmdAt = words.findIndex((w) => w.toUpperCase() === 'CMD')
        if (words[0]?.toUpperCase() === 'NONE') st.health = null
        else if (cmdAt >= 0) {
          const rest = ins.args.slice(ins.args.toUpperCase().indexOf('CMD') + 3).trim()
          const form = commandForm(rest)
          st.health = {
            test: form[0] === '/bin/sh' ? ['CMD-SHELL', form[2]!] : ['CMD', ...form],
            intervalMs: (interval && parseDurationMs(interval.slice(11))) || 30_000,
            retries: retries ? Number(retries.slice(10)) || 3 : 3
          }
        }
        break
      }
      default:
        break
    }
    const key = hex64(`${st.cacheKey}|${ins.keyword} ${ins.args}|${keyExtra}`)
    const cachedLayer = daemon.buildCache[key]
    if (cachedLayer) {
      lines.push(' ---> Using cache')
    } else {
      durationMs += runsMs
      if (ins.keyword === 'RUN') {
        const tmp = hex64(`run:${key}:${core.state.seq}`).slice(0, 12)
        lines.push(` ---> Running in ${tmp}`)
        lines.push(` ---> Removed intermediate container ${tmp}`)
      }
    }
    const layerId = cachedLayer ?? hex64(`layer:${key}`)
    cacheEntries[key] = layerId
    st.cacheKey = key
    if (sizeMb > 0) st.layers.push({ id: layerId, sizeMb, createdBy: `${ins.keyword} ${ins.args}` })
    // each step commits an intermediate image; the last one is the built image (as the legacy builder prints it)
    lines.push(` ---> ${hex64(`built:${key}`).slice(0, 12)}`)
  }
  const last = stages[stages.length - 1]!
  const image: ImageState = {
    id: `sha256:${hex64(`built:${last.cacheKey}`)}`, repoTags: [], repoDigests: [], os: 'linux', layers: last.layers,
    createdIso: '', cmd: last.cmd, entrypoint: last.entrypoint, env: last.env, exposedPorts: [...new Set(last.exposed)],
    healthcheck: last.health, cacheKeys: [last.cacheKey], files: last.files
  }
  lines.push(`Successfully built ${shortId(image.id)}`)
  if (tag) lines.push(`Successfully tagged ${normalizeRef(tag)}`)
  return done({ lines, durationMs: Math.max(durationMs, 100), image, tag: tag ? normalizeRef(tag) : null, error: null, pulls, cacheEntries })
}

/** Commit the build's cache entries and image at once (so a second build reuses them) and mark its end time. */
export function startBuild(core: WorldCore, daemon: DaemonState, plan: BuildPlan): void {
  if (!plan.image) return
  for (const ref of plan.pulls) {
    const found = findInRegistry(ref)
    if (found && !resolveImage(daemon, ref)) addImage(daemon, imageFromSpec(found.spec), ref)
  }
  core.schedule(core.clockMs + plan.durationMs, 'image.built', daemon.id, JSON.stringify({ image: plan.image, tag: plan.tag, cacheEntries: plan.cacheEntries }))
}

export function onImageBuilt(core: WorldCore, timer: Timer): void {
  const daemon = core.state.daemons.find((d) => d.id === timer.target)
  if (!daemon || !timer.data) return
  const { image, tag, cacheEntries } = JSON.parse(timer.data) as { image: ImageState; tag: string | null; cacheEntries: Record<string, string> }
  image.createdIso = new Date(Date.UTC(2025, 0, 1) + core.clockMs).toISOString()
  Object.assign(daemon.buildCache, cacheEntries)
  const stored = tag ? addImage(daemon, image, tag) : (daemon.images.find((i) => i.id === image.id) ?? (daemon.images.push(image), image))
  recordDaemonEvent(core, daemon, 'image', 'tag', stored.id, { name: tag ?? '' })
  core.emit('image.built', tag ?? shortId(image.id), `${daemon.id} built ${tag ?? shortId(image.id)} (${image.layers.length} layers)`, { detail: { daemon: daemon.id, id: stored.id } })
}
