import { describe, expect, it } from 'vitest'
import {
  ENGINE_CHUNK_MAX_BYTES,
  EngineBridgeStatusSchema,
  EngineFromRendererSchema,
  EngineStartRequestSchema,
  EngineToRendererSchema,
  dockerHostLine
} from './engineBridge'
import { CHANNELS, INVOKE_CONTRACT } from './ipc'

const request = { kind: 'request', id: 1, method: 'POST', path: '/v1.50/containers/create', query: { name: 'web' }, headers: { 'content-type': 'application/json' }, bodyBase64: 'e30=', upgrade: false }
const head = { kind: 'head', id: 1, status: 201, headers: { 'Content-Type': 'application/json' }, body: { type: 'json', text: '{"Id":"a"}' }, stream: false, upgrade: false }

describe('engine bridge contract', () => {
  it('accepts the messages of the protocol, both ways', () => {
    expect(EngineToRendererSchema.safeParse(request).success).toBe(true)
    for (const m of [{ kind: 'input', id: 1, dataBase64: 'aGk=' }, { kind: 'input-end', id: 1 }, { kind: 'cancel', id: 1 }]) expect(EngineToRendererSchema.safeParse(m).success).toBe(true)
    expect(EngineFromRendererSchema.safeParse(head).success).toBe(true)
    for (const m of [{ kind: 'chunk', id: 1, dataBase64: 'aGk=' }, { kind: 'end', id: 1 }, { kind: 'error', id: 1, message: 'no' }]) expect(EngineFromRendererSchema.safeParse(m).success).toBe(true)
  })

  it('refuses what could smuggle anything into HTTP or past the size caps', () => {
    const bad = [
      { ...head, headers: { 'X-A': 'ok\r\nSet-Cookie: x' } },
      { ...head, headers: { 'Bad Name': 'x' } },
      { ...head, status: 99 },
      { ...head, status: 600 },
      { ...head, id: 0 },
      { ...head, id: 1.5 },
      { ...head, extra: true },
      { ...head, body: { type: 'json' } },
      { kind: 'chunk', id: 1, dataBase64: '' },
      { kind: 'chunk', id: 1, dataBase64: 'not base64' },
      { kind: 'chunk', id: 1, dataBase64: 'A'.repeat(Math.ceil(ENGINE_CHUNK_MAX_BYTES / 3) * 4 + 4) }
    ]
    for (const m of bad) expect(EngineFromRendererSchema.safeParse(m).success, JSON.stringify(m).slice(0, 80)).toBe(false)
    for (const m of [{ ...request, method: 'get' }, { ...request, path: 'relative' }, { ...request, bodyBase64: '%%%' }, { ...request, headers: { host: 'a\nb' } }]) {
      expect(EngineToRendererSchema.safeParse(m).success).toBe(false)
    }
  })

  it('start/stop/status are invoke channels with a status result; only unprivileged ports', () => {
    expect(INVOKE_CONTRACT[CHANNELS.engineStart].args.safeParse([{}]).success).toBe(true)
    expect(INVOKE_CONTRACT[CHANNELS.engineStart].args.safeParse([{ port: 23750 }]).success).toBe(true)
    expect(EngineStartRequestSchema.safeParse({ port: 80 }).success).toBe(false)
    expect(EngineStartRequestSchema.safeParse({ port: 23750, host: '0.0.0.0' }).success).toBe(false)
    expect(EngineBridgeStatusSchema.safeParse({ state: 'listening', host: '0.0.0.0', port: 23750 }).success).toBe(false)
    expect(dockerHostLine(23751)).toBe('export DOCKER_HOST=tcp://127.0.0.1:23751')
  })
})
