// The image store: pull from the offline registry, remove, tag. Read-only layers are shared by id.
import type { WorldCore } from '../WorldCore.ts'
import type { DaemonState, ImageState, Timer } from '../model/types.ts'
import { REGISTRY, type ImageSpec } from '../catalog/images.ts'
import { CONTAINER_TIMING } from '../catalog/containerPhases.ts'
import { hex64 } from '../util/hash.ts'
import { done, refuse, type EngineResult } from './engineResult.ts'
import { fullyQualified, normalizeRef, remoteName, resolveImage, shortId, splitRef } from './imageRefs.ts'
import { recordDaemonEvent } from './daemonEvents.ts'

export function findInRegistry(ref: string): { spec: ImageSpec; tag: string } | undefined {
  const { repo, tag } = splitRef(ref)
  const spec = REGISTRY.find((s) => s.repo === repo)
  if (!spec) return undefined
  if (tag.startsWith('sha256:')) return digestOf(spec) === tag ? { spec, tag: spec.tags[0]! } : undefined
  return spec.tags.includes(tag) ? { spec, tag } : undefined
}

export const digestOf = (spec: ImageSpec): string => `sha256:${hex64(`digest:${spec.repo}:${spec.tags[0]}`)}`
export const layerIdOf = (createdBy: string, sizeMb: number): string => hex64(`layer:${createdBy}:${sizeMb}`)

export function imageFromSpec(spec: ImageSpec): ImageState {
  return {
    id: `sha256:${hex64(`image:${spec.repo}:${spec.tags[0]}`)}`,
    repoTags: [],
    repoDigests: [`${spec.repo}@${digestOf(spec)}`],
    os: spec.os,
    layers: spec.layers.map((l) => ({ id: layerIdOf(l.createdBy, l.sizeMb.value), sizeMb: l.sizeMb.value, createdBy: l.createdBy })),
    createdIso: spec.createdIso,
    cmd: [...spec.cmd],
    entrypoint: spec.entrypoint ? [...spec.entrypoint] : null,
    env: [...spec.env],
    exposedPorts: [...spec.exposedPorts],
    healthcheck: null,
    cacheKeys: []
  }
}

/** Put an image in the store under `tag` (moving the tag off any other image). */
export function addImage(daemon: DaemonState, image: ImageState, repoTag: string): ImageState {
  for (const other of daemon.images) other.repoTags = other.repoTags.filter((t) => t !== repoTag)
  let stored = daemon.images.find((i) => i.id === image.id)
  if (!stored) {
    stored = image
    daemon.images.push(stored)
  }
  if (!stored.repoTags.includes(repoTag)) stored.repoTags.push(repoTag)
  return stored
}

export interface PullPlan {
  ref: string // normalised repo:tag
  layers: { id: string; sizeMb: number; present: boolean }[]
  durationMs: number
  upToDate: boolean
  digest: string
}

/** Registry errors, worded as docker's. */
export function planPull(core: WorldCore, daemon: DaemonState, ref: string, osFamily: 'linux' | 'windows'): EngineResult<PullPlan> {
  const norm = normalizeRef(ref)
  const { repo, tag } = splitRef(norm)
  const found = findInRegistry(norm)
  if (!found) {
    if (REGISTRY.some((s) => s.repo === repo)) return refuse(404, `manifest for ${norm} not found: manifest unknown: manifest unknown`)
    return refuse(404, `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`)
  }
  if (found.spec.os !== osFamily) {
    return refuse(404, `no matching manifest for ${osFamily}/amd64 in the manifest list entries`)
  }
  const image = imageFromSpec(found.spec)
  const present = new Set(daemon.images.flatMap((i) => i.layers.map((l) => l.id)))
  const resolvedTag = tag.startsWith('sha256:') ? found.tag : tag
  const existing = resolveImage(daemon, `${repo}:${resolvedTag}`)
  const totalMb = image.layers.reduce((s, l) => s + l.sizeMb, 0)
  const compressedRatio = totalMb > 0 ? found.spec.compressedMb.value / totalMb : 1
  let durationMs = 0
  const layers = image.layers.map((l) => {
    const isPresent = present.has(l.id)
    if (!isPresent) {
      durationMs += ((l.sizeMb * compressedRatio) / CONTAINER_TIMING.registryBandwidthMbPerS.value) * 1000
      durationMs += (l.sizeMb / CONTAINER_TIMING.unpackMbPerS.value) * 1000
    }
    return { id: l.id, sizeMb: l.sizeMb, present: isPresent }
  })
  const upToDate = existing?.id === image.id
  return done({ ref: `${repo}:${resolvedTag}`, layers, durationMs: upToDate ? 50 : Math.max(50, Math.round(durationMs)), upToDate, digest: digestOf(found.spec) })
}

/** Start a pull; the image lands when the `image.pulled` timer fires. */
export function startPull(core: WorldCore, daemon: DaemonState, plan: PullPlan): void {
  core.schedule(core.clockMs + plan.durationMs, 'image.pulled', daemon.id, plan.ref)
  core.emit('image.pulling', plan.ref, `${daemon.id}: pulling ${plan.ref} from the registry`, { internal: true })
}

export function onImagePulled(core: WorldCore, timer: Timer): void {
  const daemon = core.state.daemons.find((d) => d.id === timer.target)
  const found = daemon && timer.data ? findInRegistry(timer.data) : undefined
  if (!daemon || !found || !timer.data) return
  const image = addImage(daemon, imageFromSpec(found.spec), timer.data)
  recordDaemonEvent(core, daemon, 'image', 'pull', image.id, { name: timer.data })
  core.emit('image.pulled', timer.data, `${daemon.id} pulled ${timer.data} (${shortId(image.id)})`, { detail: { daemon: daemon.id } })
}

/** The JSON-lines progress docker streams for a pull (the caller writes them as time passes). */
export function pullProgressLines(plan: PullPlan): { start: object[]; end: object[] } {
  const { repo, tag } = splitRef(plan.ref)
  const start: object[] = [{ status: `Pulling from ${remoteName(repo)}`, id: tag }]
  const end: object[] = []
  for (const l of plan.layers) {
    const id = l.id.slice(0, 12)
    if (l.present) { start.push({ status: 'Already exists', progressDetail: {}, id }); continue }
    start.push({ status: 'Pulling fs layer', progressDetail: {}, id })
    const total = Math.round(l.sizeMb * 1e6)
    end.push({ status: 'Downloading', progressDetail: { current: total, total }, progress: `[==================================================>]  ${total}B/${total}B`, id })
    end.push({ status: 'Verifying Checksum', progressDetail: {}, id })
    end.push({ status: 'Download complete', progressDetail: {}, id })
    end.push({ status: 'Extracting', progressDetail: { current: total, total }, progress: '[==================================================>]', id })
    end.push({ status: 'Pull complete', progressDetail: {}, id })
  }
  end.push({ status: `Digest: ${plan.digest}` })
  end.push({ status: plan.upToDate ? `Status: Image is up to date for ${plan.ref}` : `Status: Downloaded newer image for ${plan.ref}` })
  if (plan.upToDate) return { start: [{ status: `Pulling from ${remoteName(repo)}`, id: tag }], end: end.slice(-2) }
  return { start, end }
}

export { fullyQualified }

export function removeImage(core: WorldCore, daemon: DaemonState, ref: string, force: boolean): EngineResult<object[]> {
  const image = resolveImage(daemon, ref)
  if (!image) return refuse(404, `No such image: ${normalizeRef(ref)}`)
  const byTag = image.repoTags.includes(normalizeRef(ref))
  const users = daemon.containers.filter((c) => c.imageId === image.id)
  const running = users.find((c) => c.state === 'running' || c.state === 'paused' || c.state === 'starting')
  if (byTag && image.repoTags.length > 1) {
    const tag = normalizeRef(ref)
    image.repoTags = image.repoTags.filter((t) => t !== tag)
    recordDaemonEvent(core, daemon, 'image', 'untag', image.id, { name: tag })
    return done([{ Untagged: tag }])
  }
  if (users.length > 0 && !force) {
    if (byTag) return refuse(409, `conflict: unable to remove repository reference "${normalizeRef(ref)}" (must force) - container ${shortId(users[0]!.id)} is using its referenced image ${shortId(image.id)}`)
    const kind = running ? 'running' : 'stopped'
    return refuse(409, `conflict: unable to delete ${shortId(image.id)} (${running ? 'cannot' : 'must'} be forced) - image is being used by ${kind} container ${shortId((running ?? users[0]!).id)}`)
  }
  if (running) return refuse(409, `conflict: unable to delete ${shortId(image.id)} (cannot be forced) - image is being used by running container ${shortId(running.id)}`)
  const out: object[] = []
  for (const t of image.repoTags) out.push({ Untagged: t })
  for (const d of image.repoDigests) out.push({ Untagged: d })
  daemon.images = daemon.images.filter((i) => i !== image)
  out.push({ Deleted: image.id })
  const stillUsed = new Set(daemon.images.flatMap((i) => i.layers.map((l) => l.id)))
  for (const l of image.layers) if (!stillUsed.has(l.id)) out.push({ Deleted: `sha256:${l.id}` })
  recordDaemonEvent(core, daemon, 'image', 'delete', image.id, { name: normalizeRef(ref) })
  core.emit('image.removed', normalizeRef(ref), `${daemon.id} removed image ${normalizeRef(ref)}`)
  return done(out)
}

export function tagImage(core: WorldCore, daemon: DaemonState, source: string, target: string): EngineResult<null> {
  const image = resolveImage(daemon, source)
  if (!image) return refuse(404, `No such image: ${normalizeRef(source)}`)
  addImage(daemon, image, normalizeRef(target))
  recordDaemonEvent(core, daemon, 'image', 'tag', image.id, { name: normalizeRef(target) })
  return done(null)
}
