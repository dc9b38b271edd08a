// Image endpoints that answer at once: list, inspect, history, remove, tag.
import type { ImageState } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { boolParam, core, type RouteContext } from './context.ts'
import { globMatch, labelMatches, matchesAll, parseFilters } from './filters.ts'
import { imageBytes, imageHistory, imageInspect, imageSummary } from './imageViews.ts'
import { answer, empty, errorResponse, json } from './responses.ts'
import { route, type Route } from './router.ts'
import type { ApiResponse } from './types.ts'

const LIST_FILTERS = ['before', 'dangling', 'label', 'reference', 'since', 'until']

/** dockerd's reference filter: the pattern against each repo:tag and against the repository alone. */
function referenceMatches(image: ImageState, pattern: string): boolean {
  return image.repoTags.some((tag) => {
    const colon = tag.lastIndexOf(':')
    const repo = colon > tag.lastIndexOf('/') ? tag.slice(0, colon) : tag
    return globMatch(pattern, tag) || globMatch(pattern, repo)
  })
}

function findImage(ctx: RouteContext): { ok: true; image: ImageState } | { ok: false; response: ApiResponse } {
  const name = ctx.params.name ?? ''
  const image = engine.resolveImage(ctx.daemon, name)
  if (image) return { ok: true, image }
  const shown = /^(sha256:)?[a-f0-9]{1,64}$/.test(name) ? name : engine.normalizeRef(name)
  return { ok: false, response: errorResponse(404, `No such image: ${shown}`) }
}

function listImages(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, LIST_FILTERS)
  if (!parsed.ok) return errorResponse(400, parsed.message)
  const filters = parsed.filters
  for (const v of filters.get('dangling') ?? []) if (!['true', 'false', '1', '0'].includes(v)) return errorResponse(400, `invalid filter 'dangling=${v}'`)
  const refCreated = (key: string): number | null | undefined => {
    const ref = filters.get(key)?.[0]
    if (ref === undefined) return null
    const image = engine.resolveImage(ctx.daemon, ref)
    return image ? ctx.time.imageCreatedSeconds(image.createdIso) : undefined
  }
  const before = refCreated('before')
  const since = refCreated('since')
  if (before === undefined || since === undefined) return errorResponse(404, `No such image: ${filters.get(before === undefined ? 'before' : 'since')?.[0] ?? ''}`)
  const images = ctx.daemon.images.filter((image) => {
    const created = ctx.time.imageCreatedSeconds(image.createdIso)
    if (before !== null && !(created < before)) return false
    if (since !== null && !(created > since)) return false
    return matchesAll(filters, (key, value) => {
      switch (key) {
        case 'reference': return referenceMatches(image, value)
        case 'dangling': return (image.repoTags.length === 0) === (value === 'true' || value === '1')
        case 'label': return labelMatches({}, value)
        default: return true
      }
    })
  })
  const sorted = [...images].sort((a, b) => ctx.time.imageCreatedSeconds(b.createdIso) - ctx.time.imageCreatedSeconds(a.createdIso) || a.id.localeCompare(b.id))
  return json(200, sorted.map((image) => imageSummary(ctx.time, image)))
}

function inspectImage(ctx: RouteContext): ApiResponse {
  const found = findImage(ctx)
  return found.ok ? json(200, imageInspect(ctx.time, found.image)) : found.response
}

function historyImage(ctx: RouteContext): ApiResponse {
  const found = findImage(ctx)
  return found.ok ? json(200, imageHistory(ctx.time, found.image)) : found.response
}

function removeImage(ctx: RouteContext): ApiResponse {
  return answer(engine.removeImage(core(ctx), ctx.daemon, ctx.params.name ?? '', boolParam(ctx, 'force')), (items) => json(200, items))
}

function tagImage(ctx: RouteContext): ApiResponse {
  const repo = ctx.query.repo ?? ''
  const tag = ctx.query.tag ?? ''
  if (repo === '') return errorResponse(400, 'repository name must have at least one component')
  if (tag !== '' && !/^[\w][\w.-]{0,127}$/.test(tag)) return errorResponse(400, `invalid tag format`)
  const target = tag === '' ? repo : `${repo}:${tag}`
  if (!engine.isValidRef(target) || repo.includes('@')) return errorResponse(400, 'invalid reference format')
  const found = findImage(ctx)
  if (!found.ok) return found.response
  return answer(engine.tagImage(core(ctx), ctx.daemon, ctx.params.name ?? '', target), () => empty(201))
}

/** Dangling (untagged) images no container uses; with dangling=false, every unused image. */
function pruneImages(ctx: RouteContext): ApiResponse {
  const parsed = parseFilters(ctx.query.filters, ['dangling', 'label', 'label!', 'until'])
  if (!parsed.ok) return errorResponse(400, parsed.message)
  const onlyDangling = !(parsed.filters.get('dangling') ?? []).some((v) => v === 'false' || v === '0')
  const deleted: object[] = []
  let reclaimed = 0
  for (const image of [...ctx.daemon.images]) {
    if (onlyDangling && image.repoTags.length > 0) continue
    if (ctx.daemon.containers.some((c) => c.imageId === image.id)) continue
    const r = engine.removeImage(core(ctx), ctx.daemon, image.id, false)
    if (!r.ok) continue
    deleted.push(...r.value)
    reclaimed += imageBytes(image)
  }
  return json(200, { ImagesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed })
}

export const imageRoutes: Route[] = [
  route('GET', '/images/json', listImages),
  route('POST', '/images/prune', pruneImages),
  route('GET', '/images/{name*}/json', inspectImage),
  route('GET', '/images/{name*}/history', historyImage),
  route('POST', '/images/{name*}/tag', tagImage),
  route('DELETE', '/images/{name*}', removeImage)
]
