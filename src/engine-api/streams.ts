// Streamed bodies over the world's events. A stream subscribes when the transport starts it, writes as the world
// emits, and ends itself when its condition is met: no wall-clock timers, so an in-process caller that steps the
// world sees the same bytes as a client of the HTTP adapter.
import type { EmittedEvent, World } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import type { ApiStream, StreamSink } from './types.ts'

const encoder = new TextEncoder()

export const MULTIPLEXED = 'application/vnd.docker.multiplexed-stream'
export const RAW_STREAM = 'application/vnd.docker.raw-stream'

/** One chunk of a multiplexed stream: [stream, 0, 0, 0, length (uint32 BE)] + payload. */
export function frame(stream: 0 | 1 | 2, payload: string | Uint8Array): Uint8Array {
  const bytes = typeof payload === 'string' ? encoder.encode(payload) : payload
  const out = new Uint8Array(8 + bytes.byteLength)
  out[0] = stream
  new DataView(out.buffer).setUint32(4, bytes.byteLength)
  out.set(bytes, 8)
  return out
}

/** Output as a terminal shows it: the pty turns "\n" into "\r\n" (ONLCR). */
export function ttyText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}

/** A container's or exec's output chunk as it goes on the wire: framed without a TTY, raw with one. */
export function outputChunk(tty: boolean, stream: 1 | 2, text: string): Uint8Array | string {
  return tty ? ttyText(text) : frame(stream, text)
}

/** dockerd's Content-Type for attach/logs/exec: multiplexed only for API ≥ 1.42 without a TTY. */
export function outputContentType(apiVersionAtLeast142: boolean, tty: boolean): string {
  return apiVersionAtLeast142 && !tty ? MULTIPLEXED : RAW_STREAM
}

/** JSON text where bigint values are written as exact integers (nanosecond timestamps). */
export function jsonText(value: unknown): string {
  const marks: string[] = []
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'bigint') return v
    marks.push(v.toString())
    return `\u0000bigint${marks.length - 1}\u0000`
  })
  return text.replace(/"\\u0000bigint(\d+)\\u0000"/g, (_m, i: string) => marks[Number(i)] ?? '0')
}

export interface StreamControl {
  write(chunk: string | Uint8Array): void
  /** write `value` as one JSON message followed by `separator` */
  writeJson(value: unknown, separator?: string): void
  end(): void
  readonly ended: boolean
  /** listen to the world until the stream ends */
  on(listener: (event: EmittedEvent) => void): void
}

/**
 * A stream over `world`: `body` runs when the transport starts it. The stream also ends when its daemon goes
 * down (host panic, VM stopped) or the world is rewound, as a real connection would drop.
 */
export function worldStream(world: World, daemonId: string, body: (ctl: StreamControl) => void, extras: Pick<ApiStream, 'input' | 'inputEnded'> = {}): ApiStream {
  return {
    ...extras,
    start(sink: StreamSink): () => void {
      let ended = false
      const unsubscribers: (() => void)[] = []
      const detach = (): void => {
        for (const off of unsubscribers.splice(0)) off()
      }
      const ctl: StreamControl = {
        write(chunk) {
          if (ended) return
          try {
            sink.write(chunk)
          } catch {
            ctl.end()
          }
        },
        writeJson(value, separator = '\n') {
          ctl.write(jsonText(value) + separator)
        },
        end() {
          if (ended) return
          ended = true
          detach()
          try {
            sink.end()
          } catch {
            // the transport is gone already
          }
        },
        get ended() {
          return ended
        },
        on(listener) {
          if (ended) return
          unsubscribers.push(world.on((event) => {
            if (ended) return
            try {
              listener(event)
            } catch {
              ctl.end()
            }
          }))
        }
      }
      ctl.on((event) => {
        if (event.type === 'world.rewound') return ctl.end()
        if (event.type.startsWith('host.') || event.type.startsWith('vm.')) {
          const daemon = world.state.daemons.find((d) => d.id === daemonId)
          if (!daemon || !engine.daemonIsUp(world.state, daemon)) ctl.end()
        }
      })
      try {
        body(ctl)
      } catch {
        ctl.end()
      }
      return () => {
        ended = true
        detach()
      }
    }
  }
}
