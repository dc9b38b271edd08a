// Route templates → handlers. `{id}` takes one path segment; `{name*}` takes one or more, so image references
// with slashes and colons (`/images/docker.io/library/nginx:1.27/json`) match (protocol §6.3).
import type { RouteHandler } from './context.ts'

type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'rest'; name: string }

export interface Route {
  method: string
  template: string
  handler: RouteHandler
  segments: Segment[]
}

export function route(method: string, template: string, handler: RouteHandler): Route {
  const segments: Segment[] = template.split('/').slice(1).map((part) => {
    const m = /^\{(\w+)(\*?)\}$/.exec(part)
    if (!m) return { kind: 'literal', text: part }
    return m[2] ? { kind: 'rest', name: m[1]! } : { kind: 'param', name: m[1]! }
  })
  return { method, template, handler, segments }
}

/** `%2F` stays encoded in the adapter's decoded path so it cannot split segments; inside a value it is a "/". */
const decodeParam = (text: string): string => text.replace(/%2f/gi, '/')

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {}
  const restAt = segments.findIndex((s) => s.kind === 'rest')
  if (restAt < 0 ? parts.length !== segments.length : parts.length < segments.length) return null
  const tail = restAt < 0 ? 0 : segments.length - restAt - 1
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!
    if (seg.kind === 'rest') {
      const value = parts.slice(i, parts.length - tail).join('/')
      if (value === '') return null
      params[seg.name] = decodeParam(value)
      continue
    }
    const part = restAt >= 0 && i > restAt ? parts[parts.length - (segments.length - i)]! : parts[i]!
    if (seg.kind === 'literal') {
      if (part !== seg.text) return null
    } else {
      if (part === '') return null
      params[seg.name] = decodeParam(part)
    }
  }
  return params
}

export type RouteMatch = { route: Route; params: Record<string, string> }

/** The first route whose method and template match; dockerd answers a wrong method like an unknown path. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | null {
  if (!path.startsWith('/')) return null
  const parts = path.split('/').slice(1)
  for (const r of routes) {
    if (r.method !== method) continue
    const params = matchSegments(r.segments, parts)
    if (params) return { route: r, params }
  }
  return null
}
