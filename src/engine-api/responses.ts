// Building ApiResponses the way dockerd answers: JSON bodies, `{"message"}` errors, empty 204/304s.
import type { engine } from '../sim/index.ts'
import type { ApiResponse } from './types.ts'

export const SERVER_VERSION = '28.2.2'
export const API_VERSION = '1.50'
export const MIN_API_VERSION = '1.24'

/** Headers dockerd's middleware puts on every response (Go canonicalises API-Version to Api-Version). */
export const DAEMON_HEADERS: Readonly<Record<string, string>> = {
  'Api-Version': API_VERSION,
  'Docker-Experimental': 'false',
  Ostype: 'linux',
  Server: `Docker/${SERVER_VERSION} (linux)`
}

export const JSON_TYPE = 'application/json'

export function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, json: value }
}

export function errorResponse(status: number, message: string): ApiResponse {
  return json(status, { message })
}

/** 204 No Content, 304 Not Modified, or a 200/201 without a body. */
export function empty(status: number): ApiResponse {
  return { status, headers: {} }
}

export function refused(result: { status: number; message: string }): ApiResponse {
  return errorResponse(result.status, result.message)
}

/** A failed daemon operation becomes its status and message; a successful one is handed to `onOk`. */
export function answer<T>(result: engine.EngineResult<T>, onOk: (value: T) => ApiResponse): ApiResponse {
  return result.ok ? onOk(result.value) : refused(result)
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return String(error)
  } catch {
    return 'internal error'
  }
}
