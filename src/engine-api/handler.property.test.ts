import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kit, pull, runBody } from './testKit.ts'
import { writeTar } from './tar.ts'
import type { ApiRequest, ApiResponse } from './types.ts'
import { ROUTES } from './routes.ts'

const encoder = new TextEncoder()

const SEGMENTS = ['containers', 'images', 'networks', 'volumes', 'exec', 'json', 'create', 'start', 'stop', 'wait', 'attach', 'logs',
  'stats', 'top', 'kill', 'pause', 'unpause', 'rename', 'resize', 'prune', 'tag', 'history', 'build', 'events', 'info', 'version',
  '_ping', 'system', 'df', 'web', 'job', 'alpine:3.20', 'docker.io', 'library', 'nginx:1.27', 'bridge', 'v1', '', '..', '%2F', 'x%zz']
const VERSIONS = ['', '/v1.50', '/v1.24', '/v1.41', '/v1.12', '/v1.51', '/v2.0', '/v', '/v1..2', '/vabc']
const QUERY_KEYS = ['all', 'filters', 'name', 'condition', 'stream', 'stdout', 'stderr', 'follow', 'tail', 'timestamps', 'since', 'until',
  'signal', 'force', 't', 'dockerfile', 'fromImage', 'tag', 'repo', 'h', 'w', 'limit', 'size', 'logs', 'q', 'one-shot']
const QUERY_VALUES = ['1', '0', 'true', 'all', '-1', '3', 'next-exit', 'removed', 'not-running', 'KILL', 'web', 'alpine', 'docker.io/library/alpine',
  '3.20', '{"name":{"web":true}}', '{"status":["running"]}', '{"bad":', '[]', 'null', '{"label":{"a=b":true}}', '1735689600', '9999999999999', 'sha256:00']

const REFS = ['web', 'web', 'web', 'job', 'job', 'nosuch', 'alpine:3.20', 'docker.io/library/alpine:3.20', 'bridge', 'host', 'v1', 'mynet', 'a', '', 'sha256:0', '%2Fx']
const GOOD_VERSIONS = ['', '/v1.50', '/v1.24', '/v1.41', '/v1.44']

/** Mostly real routes with real and unreal references; sometimes anything at all. */
const request = fc.oneof(
  { weight: 7, arbitrary: fc.tuple(fc.constantFrom(...ROUTES), fc.constantFrom(...GOOD_VERSIONS), fc.constantFrom(...REFS), fc.integer({ min: 0, max: 9 }).map((n) => n > 0)).map(([r, v, ref, keepMethod]) => ({
    method: keepMethod ? r.method : 'PUT',
    path: v + r.template.replace(/\{\w+\*?\}/g, ref)
  })) },
  { weight: 2, arbitrary: fc.record({
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'DELETE', 'HEAD', 'PUT', 'get', 'OPTIONS'), fc.string({ maxLength: 8 })),
    path: fc.tuple(fc.constantFrom(...VERSIONS), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 6 })).map(([v, segs]) => `${v}/${segs.join('/')}`)
  }) },
  { weight: 1, arbitrary: fc.record({ method: fc.string({ maxLength: 8 }), path: fc.string({ maxLength: 40 }) }) }
)
const query = fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 6 })), fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.string({ maxLength: 12 })), { maxKeys: 4 })
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ Image: fc.constantFrom('alpine:3.20', 'nginx', 'Alpine', ''), Cmd: fc.oneof(fc.constant(null), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), fc.string()) }, { requiredKeys: [] }),
  fc.constant(runBody('alpine:3.20', { Cmd: ['sh', '-c', 'echo hi; exit 3'] }, { AutoRemove: true })),
  fc.record({ HostConfig: fc.record({ Memory: fc.oneof(fc.integer(), fc.string(), fc.double()), PidsLimit: fc.oneof(fc.integer(), fc.constant(null)), PortBindings: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }), Image: fc.constant('alpine:3.20') })
).map((v) => encoder.encode(JSON.stringify(v) ?? 'null'))
const body = fc.oneof(fc.constant(undefined), fc.uint8Array({ maxLength: 600 }), jsonBody, fc.constant(writeTar([{ path: 'Dockerfile', content: 'FROM alpine:3.20\nCMD ["true"]\n' }])))

function checkShape(res: ApiResponse): void {
  expect(Number.isInteger(res.status)).toBe(true)
  expect(res.status).toBeGreaterThanOrEqual(100)
  expect(res.status).toBeLessThanOrEqual(599)
  expect(typeof res.headers).toBe('object')
  for (const v of Object.values(res.headers)) expect(typeof v).toBe('string')
  if (res.status >= 400) {
    expect(typeof (res.json as { message?: unknown })?.message).toBe('string')
  } else if (res.status === 101) {
    expect(res.upgrade).toBe(true)
  }
  if (res.json !== undefined) expect(() => JSON.stringify(res.json)).not.toThrow()
}

describe('the handler never throws', () => {
  it('answers any method, path, query and body with a status in 100..599 and a JSON error or a valid body', () => {
    const k = kit(7)
    pull(k, 'alpine', '3.20')
    // the requests remove and rename things: bring the cast back before each one
    const restock = (): void => {
      const names = new Set(k.world.state.daemons[0]!.containers.map((c) => c.name))
      if (!k.world.state.daemons[0]!.images.some((i) => i.repoTags.includes('alpine:3.20'))) pull(k, 'alpine', '3.20')
      if (!names.has('web')) {
        k.call('POST', '/v1.50/containers/create', { query: { name: 'web' }, body: runBody('alpine:3.20', { Cmd: ['sleep', 'infinity'] }) })
        k.call('POST', '/v1.50/containers/web/start')
      }
      if (!names.has('job')) k.call('POST', '/v1.50/containers/create', { query: { name: 'job' }, body: runBody('alpine:3.20', { Cmd: ['sh', '-c', 'echo hi'] }) })
    }
    const stops: (() => void)[] = []
    fc.assert(fc.property(request, query, body, fc.integer({ min: 0, max: 1500 }), ({ method: m, path: p }, q, b, stepMs) => {
      restock()
      const req: ApiRequest = { method: m, path: p, query: q, headers: b ? { 'content-type': 'application/json' } : {}, ...(b ? { body: b } : {}) }
      let res: ApiResponse | undefined
      expect(() => { res = k.api(req) }).not.toThrow()
      checkShape(res!)
      if (res!.stream) {
        let ended = false
        expect(() => stops.push(res!.stream!.start({ write(chunk) { expect(ended).toBe(false); expect(typeof chunk === 'string' || chunk instanceof Uint8Array).toBe(true) }, end() { ended = true } }))).not.toThrow()
      }
      expect(() => k.world.step(stepMs)).not.toThrow()
      while (stops.length > 20) stops.shift()!()
    }), { numRuns: 600 })
    for (const stop of stops) stop()
  })

  it('survives requests that are not even well-typed', () => {
    const k = kit()
    const odd = [
      { method: 42, path: null, query: 'x', headers: 7 },
      { method: 'GET', path: '/v1.50/containers/json', query: { all: 1 }, headers: { 'content-type': ['x'] } },
      { method: 'POST', path: '/v1.50/containers/create', query: {}, headers: {}, body: 'not bytes' },
      null
    ] as unknown as ApiRequest[]
    for (const req of odd) checkShape(k.api(req))
  })
})
