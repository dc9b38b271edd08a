// What a route handler gets: the world, the daemon it talks to, the request and the parsed path parameters.
import type { DaemonState, World } from '../sim/index.ts'
import type { TimeFormat } from './time.ts'
import type { ApiRequest, ApiResponse } from './types.ts'
import { errorResponse } from './responses.ts'
import { compareVersions } from './version.ts'

/** What the views need: the world, the daemon answering and how virtual time is written. */
export interface View {
  world: World
  daemon: DaemonState
  time: TimeFormat
}

export interface RouteContext extends View {
  request: ApiRequest
  params: Record<string, string>
  query: Record<string, string>
  /** the API version of the path prefix, or the daemon's own when there is none */
  apiVersion: string
}

export type RouteHandler = (ctx: RouteContext) => ApiResponse

export const core = (ctx: RouteContext) => ctx.world.core

export function apiAtLeast(ctx: RouteContext, version: string): boolean {
  return compareVersions(ctx.apiVersion, version) >= 0
}

/** Go's httputils.BoolValue: anything but "", "0", "no", "false", "none" is true. */
export function boolParam(ctx: RouteContext, name: string, fallback = false): boolean {
  const raw = ctx.query[name]
  if (raw === undefined) return fallback
  return !['', '0', 'no', 'false', 'none'].includes(raw.trim().toLowerCase())
}

export function intParam(ctx: RouteContext, name: string): number | null {
  const raw = ctx.query[name]
  if (raw === undefined || !/^-?\d+$/.test(raw.trim())) return null
  const n = Number(raw.trim())
  return Number.isSafeInteger(n) ? n : null
}

const utf8 = new TextDecoder('utf-8')

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: ApiResponse }

/**
 * The request body as JSON (`undefined` when there is none). Like dockerd's httputils.ReadJSON: a body with a
 * Content-Type other than JSON is refused, and malformed JSON is a 400 that says where it broke.
 */
export function readJson(ctx: RouteContext): JsonBody {
  const body = ctx.request.body
  if (!body || body.byteLength === 0) return { ok: true, value: undefined }
  const type = (ctx.request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json')) {
    return { ok: false, response: errorResponse(400, `unsupported Content-Type header (${type}): must be 'application/json'`) }
  }
  const text = utf8.decode(body)
  if (text.trim() === '') return { ok: false, response: errorResponse(400, 'invalid JSON: got EOF while reading request body') }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable'
    return { ok: false, response: errorResponse(400, `invalid JSON: ${detail}`) }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
