// Options of the node:http adapter, their defaults and their validation.

export const MiB = 1024 * 1024

export interface EngineServerOptions {
  /** Bind address. Only loopback literals are accepted: '127.0.0.1' (default) or '::1'. Anything else throws. */
  host?: string
  /** Cap of a buffered request body (JSON endpoints, and everything that is not POST /build). Default 1 MiB. */
  maxBodyBytes?: number
  /** Cap of the tar build context of POST /build (counted while it streams in). Default 64 MiB. */
  maxBuildBodyBytes?: number
  /** Node's maxHeaderSize: a larger request head gets 431. Default 16 KiB. */
  maxHeaderSize?: number
  /** Time allowed to receive a request head (slow-loris guard). Default 5 s. */
  headersTimeoutMs?: number
  /** Time allowed to receive a whole request (head and body). Responses (streams) are not limited. Default 30 s. */
  requestTimeoutMs?: number
  /** Idle time before a kept-alive connection is closed. Default 5 s. */
  keepAliveTimeoutMs?: number
  /** How often Node checks the two timeouts above. Default 1 s. */
  connectionsCheckingIntervalMs?: number
  /** Concurrent connections; more are dropped by Node. Default 256. */
  maxConnections?: number
  /** A stream whose client does not read is cut when this much output is queued. Default 32 MiB. */
  maxQueuedOutputBytes?: number
  /** Called for handler exceptions and other internal failures. Default: console.error. */
  onError?: (error: unknown, context: string) => void
}

export interface ResolvedOptions {
  host: '127.0.0.1' | '::1'
  maxBodyBytes: number
  maxBuildBodyBytes: number
  maxHeaderSize: number
  headersTimeoutMs: number
  requestTimeoutMs: number
  keepAliveTimeoutMs: number
  connectionsCheckingIntervalMs: number
  maxConnections: number
  maxQueuedOutputBytes: number
  onError: (error: unknown, context: string) => void
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`engine server option ${name} must be a positive number`)
  return value
}

export function resolveOptions(options: EngineServerOptions = {}): ResolvedOptions {
  const host = options.host ?? '127.0.0.1'
  if (host !== '127.0.0.1' && host !== '::1') {
    throw new Error(`engine server refuses to bind ${JSON.stringify(host)}: only loopback (127.0.0.1 or ::1) is allowed`)
  }
  const headersTimeoutMs = positive('headersTimeoutMs', options.headersTimeoutMs, 5_000)
  const requestTimeoutMs = positive('requestTimeoutMs', options.requestTimeoutMs, 30_000)
  if (headersTimeoutMs > requestTimeoutMs) throw new RangeError('engine server option headersTimeoutMs must not exceed requestTimeoutMs')
  return {
    host,
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, 1 * MiB),
    maxBuildBodyBytes: positive('maxBuildBodyBytes', options.maxBuildBodyBytes, 64 * MiB),
    maxHeaderSize: positive('maxHeaderSize', options.maxHeaderSize, 16 * 1024),
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: positive('keepAliveTimeoutMs', options.keepAliveTimeoutMs, 5_000),
    connectionsCheckingIntervalMs: positive('connectionsCheckingIntervalMs', options.connectionsCheckingIntervalMs, 1_000),
    maxConnections: positive('maxConnections', options.maxConnections, 256),
    maxQueuedOutputBytes: positive('maxQueuedOutputBytes', options.maxQueuedOutputBytes, 32 * MiB),
    onError: options.onError ?? ((error, context) => console.error(`[engine-api] ${context}:`, error))
  }
}
