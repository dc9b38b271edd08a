import { describe, expect, it } from 'vitest'
import type { EmittedEvent } from '../sim/index.ts'
import { kit } from './testKit.ts'

describe('routing, versions and errors', () => {
  it('answers HEAD and GET /_ping unversioned and versioned, with dockerd headers', () => {
    const k = kit()
    const head = k.call('HEAD', '/_ping')
    expect(head.status).toBe(200)
    expect(head.headers['Api-Version']).toBe('1.50')
    expect(head.headers.Ostype).toBe('linux')
    expect(head.headers['Content-Length']).toBe('0')
    expect(head.text).toBeUndefined()
    const get = k.call('GET', '/v1.41/_ping')
    expect(get.status).toBe(200)
    expect(get.text).toBe('OK')
    expect(get.headers['Content-Type']).toBe('text/plain; charset=utf-8')
    expect(get.headers.Server).toBe('Docker/28.2.2 (linux)')
  })

  it('accepts every version from 1.24 to 1.50 and none, and refuses the others with dockerd wording', () => {
    const k = kit()
    for (const path of ['/version', '/v1.24/version', '/v1.41/version', '/v1.50/version']) expect(k.call('GET', path).status).toBe(200)
    const old = k.call('GET', '/v1.12/containers/json')
    expect(old.status).toBe(400)
    expect(old.json).toEqual({ message: 'client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version' })
    const future = k.call('GET', '/v1.51/version')
    expect(future.status).toBe(400)
    expect(future.json).toEqual({ message: 'client version 1.51 is too new. Maximum supported API version is 1.50' })
  })

  it('answers 404 page not found for unknown routes and wrong methods', () => {
    const k = kit()
    expect(k.call('GET', '/v1.50/nothing/here').json).toEqual({ message: 'page not found' })
    expect(k.call('DELETE', '/v1.50/version').status).toBe(404)
    expect(k.call('GET', '/v1.50/containers/json/').status).toBe(404)
  })

  it('answers 503 when the daemon is missing or its host is down', () => {
    const missing = kit(1, 'nowhere')
    expect(missing.call('GET', '/_ping').status).toBe(503)
    expect(missing.call('GET', '/v1.50/info').json).toEqual({ message: 'Cannot connect to the Docker daemon. Is the docker daemon running?' })
    const k = kit()
    k.world.core.state.hosts.find((h) => h.name === 'container-host')!.state = 'panicked'
    expect(k.call('HEAD', '/_ping').status).toBe(503)
  })

  it('refuses malformed JSON with 400 and a clear message', () => {
    const k = kit()
    const res = k.call('POST', '/v1.50/containers/create', { raw: '{"Image": "alpine",', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(String((res.json as { message: string }).message)).toMatch(/^invalid JSON: /)
    const wrongType = k.call('POST', '/v1.50/containers/create', { body: { Image: 'alpine', HostConfig: { Memory: 'lots' } } })
    expect(wrongType.status).toBe(400)
    expect(wrongType.json).toEqual({ message: 'json: cannot unmarshal string into Go struct field CreateRequest.HostConfig.Memory of type int64' })
    const notJson = k.call('POST', '/v1.50/networks/create', { raw: 'name=x', headers: { 'content-type': 'text/plain' } })
    expect(notJson.status).toBe(400)
    expect(notJson.json).toEqual({ message: "unsupported Content-Type header (text/plain): must be 'application/json'" })
  })

  it('emits an internal api.request event for every request, with the route template', () => {
    const k = kit()
    const seen: EmittedEvent[] = []
    k.world.on((e) => { if (e.type === 'api.request') seen.push(e) })
    k.call('POST', '/v1.50/containers/web/start')
    k.call('HEAD', '/_ping')
    expect(seen.map((e) => e.message)).toEqual(['POST /containers/web/start', 'HEAD /_ping'])
    expect(seen[0]!.internal).toBe(true)
    expect(seen[0]!.detail).toMatchObject({ method: 'POST', path: '/containers/web/start', route: '/containers/{id}/start', status: 404, daemon: 'container-host' })
    expect((seen[0]!.detail as { response: { status: number } }).response.status).toBe(404)
    expect(k.world.state.events.some((e) => e.type === 'api.request')).toBe(false)
  })
})

describe('version and info', () => {
  it('describes the engine as dockerd 28.2.2 on the daemon kernel', () => {
    const k = kit()
    const v = k.call('GET', '/v1.50/version').json as Record<string, unknown>
    expect(v).toMatchObject({ Version: '28.2.2', ApiVersion: '1.50', MinAPIVersion: '1.24', Os: 'linux', Arch: 'amd64', KernelVersion: '6.8' })
    expect((v.Components as { Name: string }[]).map((c) => c.Name)).toEqual(['Engine', 'containerd', 'runc', 'docker-init'])
    expect((v.Platform as { Name: string }).Name).toBe('Docker Engine - Community')
  })

  it('counts the daemon state in /info and names the machine', () => {
    const k = kit()
    const info = k.call('GET', '/v1.50/info').json as Record<string, unknown>
    expect(info).toMatchObject({
      Containers: 0, ContainersRunning: 0, Images: 0, Name: 'container-host', NCPU: 16, MemTotal: 65536 * 1048576, KernelVersion: '6.8',
      OSType: 'linux', Driver: 'overlay2', CgroupVersion: '2', ServerVersion: '28.2.2', LoggingDriver: 'json-file'
    })
    expect(info.SecurityOptions).toContain('name=seccomp,profile=builtin')
    expect((info.Swarm as { LocalNodeState: string }).LocalNodeState).toBe('inactive')
    expect(info.SystemTime).toBe('2025-01-01T00:00:00Z')
  })

  it('moves the epoch when asked (a wall-clock server)', async () => {
    const { World } = await import('../sim/index.ts')
    const { createEngineHandler } = await import('./handler.ts')
    const world = new World({ seed: 1 })
    const api = createEngineHandler(world, () => 'container-host', { epochMs: Date.UTC(2026, 10, 29, 12, 0, 0) })
    const info = api({ method: 'GET', path: '/info', query: {}, headers: {} }).json as Record<string, unknown>
    expect(info.SystemTime).toBe('2026-11-29T12:00:00Z')
  })
})
