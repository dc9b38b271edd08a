// Request building and error printing shared by every docker command.
import type { ApiRequest } from '../engine-api/types.ts'
import { concat, type RawResponse, type StreamHandle, type Transport } from './transport.ts'
import { text } from './streams.ts'

export interface CliOutput { stdout: string; stderr: string; exitCode: number }

export interface CliContext {
  transport: Transport
  apiVersion: string
  /** "now" in unix ms as the CLI's clock reads it (virtual time in the app) */
  nowMs: () => number
  /** where the daemon is, for "Cannot connect" messages */
  hostUrl: string
  /** interactive terminals do not print pull progress bars; `events` without --until stops at now in process */
  inProcess: boolean
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message) }
}

const encoder = new TextEncoder()

export function req(ctx: CliContext, method: string, path: string, query: Record<string, string> = {}, body?: unknown): ApiRequest {
  const headers: Record<string, string> = { host: 'api.moby.localhost', 'user-agent': 'Docker-Client/28.2.2 (linux)' }
  const r: ApiRequest = { method, path: `/v${ctx.apiVersion}${path}`, query, headers }
  if (body !== undefined) {
    headers['content-type'] = 'application/json'
    r.body = encoder.encode(JSON.stringify(body) + '\n')
  }
  return r
}

/** The daemon's error text, as the CLI extracts it from a non-2xx answer. */
export function errorMessage(res: RawResponse): string {
  const raw = text(res.body)
  try {
    const parsed = JSON.parse(raw) as { message?: unknown }
    if (typeof parsed.message === 'string') return parsed.message
    return `API returned a ${res.status} (${statusText(res.status)}) but provided no error-message`
  } catch {
    return raw.trim()
  }
}

/** The daemon's error text from a refused stream (its whole body has arrived: see Transport.open). */
export function streamErrorMessage(handle: StreamHandle): string {
  return errorMessage({ status: handle.status, headers: handle.headers, body: concat(handle.chunks) })
}

function statusText(status: number): string {
  return ({ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 500: 'Internal Server Error', 503: 'Service Unavailable' } as Record<number, string>)[status] ?? 'Error'
}

export async function call(ctx: CliContext, method: string, path: string, query: Record<string, string> = {}, body?: unknown): Promise<RawResponse> {
  const res = await ctx.transport.request(req(ctx, method, path, query, body))
  if (res.status >= 400) throw new ApiError(res.status, errorMessage(res))
  return res
}

export async function callJson<T>(ctx: CliContext, method: string, path: string, query: Record<string, string> = {}, body?: unknown): Promise<T> {
  const res = await call(ctx, method, path, query, body)
  return JSON.parse(text(res.body)) as T
}

export const out = (stdout: string, stderr = '', exitCode = 0): CliOutput => ({ stdout, stderr, exitCode })
export const daemonError = (e: ApiError): CliOutput => out('', `Error response from daemon: ${e.message}\n`, 1)
