// The request list's controller without a screen: requests animate one after another in real time (faster when
// they pile up), a selection pauses the stage on a hop the learner steps, and the client and the bridge are
// described for the panels.
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import type { Platform } from '../platform/createPlatform'
import { RequestController, HOP_MS } from './RequestController'
import { SimController } from './SimController'

function platform(withBridge = false): Platform {
  const none = async () => ({ status: 'cancelled' as const })
  return {
    kind: withBridge ? 'electron' : 'web',
    openTextFile: async () => null,
    saveTextFile: none,
    savePng: none,
    autosave: { read: async () => ({ status: 'none' }), write: async () => ({ status: 'saved', savedAt: '' }), setAside: async () => null },
    setLanguage: () => {},
    onMenuCommand: () => () => {},
    ...(withBridge ? {
      engineBridge: {
        start: async () => ({ state: 'listening' as const, host: '127.0.0.1' as const, port: 23752 }),
        stop: async () => ({ state: 'off' as const }),
        status: async () => ({ state: 'off' as const }),
        send: () => {},
        onMessage: () => () => {}
      }
    } : {})
  }
}

async function setup(withBridge = false) {
  const sim = new SimController({ platform: platform(withBridge), playing: false })
  const requests = new RequestController(sim, platform(withBridge))
  return { sim, requests, snapshot: () => requests.store.getSnapshot() }
}

describe('RequestController', () => {
  it('lists the requests of a command with the command that sent them', async () => {
    const { sim, snapshot } = await setup()
    await sim.runLine('docker run -d --name web nginx:1.27', 'terminal')
    const rows = snapshot().rows
    expect(rows.map((r) => `${r.label} ${r.status}`)).toEqual([
      'POST /containers/create 404', 'POST /images/create 200', 'POST /containers/create 201', 'POST /containers/{id}/wait 200', 'POST /containers/{id}/start 204'
    ])
    expect(rows.every((r) => r.command === 'docker run -d --name web nginx:1.27' && r.client === 'container-host')).toBe(true)
  })

  it('live: animates each request from the client and back, one after another', async () => {
    const { sim, requests, snapshot } = await setup()
    await sim.runLine('docker ps', 'terminal')
    await sim.runLine('docker images', 'terminal')
    let frame = requests.packetFrame(0, false)!
    expect(frame).toMatchObject({ label: 'GET /containers/json', stations: ['client', 'api', 'dockerd', 'client'], position: 0, held: false, turn: 2 })
    await Promise.resolve()
    expect(snapshot().animatingId).toBe(frame.requestId)
    // a backlog of one plays at normal speed: one hop per HOP_MS
    frame = requests.packetFrame(HOP_MS * 1.5, false)!
    expect(frame.position).toBeCloseTo(1.5)
    for (let i = 0; i < 20 && frame.label === 'GET /containers/json'; i++) frame = requests.packetFrame(200, false)!
    expect(frame.label).toBe('GET /images/json')
    for (let i = 0; i < 40 && frame; i++) frame = requests.packetFrame(200, false)!
    expect(frame).toBeNull()
  })

  it('a selection holds the stage on the selected request; the hops step and stop at both ends', async () => {
    const { sim, requests, snapshot } = await setup()
    await sim.runLine('docker run -d --name web nginx:1.27', 'terminal')
    const create = snapshot().rows.find((r) => r.label === 'POST /containers/create' && r.status === 201)!
    requests.select(create.id)
    expect(snapshot()).toMatchObject({ live: false, selectedId: create.id, hopIndex: 0 })
    expect(snapshot().detail?.hops.map((h) => h.station)).toEqual(['client', 'api', 'dockerd', 'containerd', 'runc', 'container', 'dockerd', 'client'])
    expect(snapshot().detail?.container).toBe('web')
    requests.prevHop()
    expect(snapshot().hopIndex).toBe(0)
    for (let i = 0; i < 12; i++) requests.nextHop()
    expect(snapshot().hopIndex).toBe(7)
    requests.setHop(3)
    const frame = requests.packetFrame(1000, false)!
    expect(frame).toMatchObject({ requestId: create.id, position: 3, held: true, containerId: expect.any(String) })
    // back to live: the stage follows new requests again
    requests.setLive(true)
    expect(requests.packetFrame(16, false)).toBeNull()
    await sim.runLine('docker ps', 'terminal')
    expect(requests.packetFrame(16, false)?.label).toBe('GET /containers/json')
  })

  it('pausing mid-flight selects the travelling request at the hop it reached', async () => {
    const { sim, requests, snapshot } = await setup()
    await sim.runLine('docker ps', 'terminal')
    requests.packetFrame(0, false)
    requests.packetFrame(HOP_MS * 2.2, false)
    requests.setLive(false)
    expect(snapshot()).toMatchObject({ live: false, selectedId: snapshot().rows[0]!.id, hopIndex: 2 })
  })

  it('describes the client as it moves, and the bridge as unavailable on the web', async () => {
    const { sim, requests, snapshot } = await setup()
    expect(snapshot().client.label).toBe('CLI on container-host (unix socket)')
    expect(snapshot().bridge).toEqual({ available: false })
    await requests.runClientLine('client use laptop-windows')
    await requests.runClientLine('export DOCKER_HOST=tcp://container-host:2376')
    await Promise.resolve()
    expect(snapshot().client).toMatchObject({ label: 'CLI on a Windows laptop → TLS → container-host', dockerHost: 'tcp://container-host:2376', daemon: 'container-host' })
    await sim.runLine('export DOCKER_HOST=tcp://container-host:2375', 'terminal')
    await Promise.resolve()
    expect(snapshot().client.daemon).toBeNull()
    expect(snapshot().client.problem).toContain('plain-TCP')
  })

  it('switches the engine bridge through the platform and shows the export line', async () => {
    const { requests, snapshot } = await setup(true)
    expect(snapshot().bridge).toMatchObject({ available: true, state: 'off' })
    await requests.setBridge(true)
    expect(snapshot().bridge).toEqual({ available: true, state: 'listening', port: 23752, exportLine: 'export DOCKER_HOST=tcp://127.0.0.1:23752', message: null })
    expect(requests.bridgeEndpoint()).toBe('tcp://127.0.0.1:23752')
    await requests.setBridge(false)
    expect(snapshot().bridge).toMatchObject({ state: 'off', exportLine: null })
  })

  it('starts a fresh list with a fresh sandbox (reset), and follows the new world', async () => {
    const { sim, snapshot } = await setup()
    await sim.runLine('docker ps', 'terminal')
    expect(snapshot().rows).toHaveLength(1)
    sim.resetAll()
    await Promise.resolve()
    expect(snapshot().rows).toHaveLength(0)
    await sim.runLine('docker images', 'terminal')
    expect(snapshot().rows.map((r) => r.label)).toEqual(['GET /images/json'])
  })

  describe('a language change', () => {
    afterEach(async () => {
      await i18n.changeLanguage('en')
    })

    it('says the rows, the selected request, the client and the packet again, without a new request', async () => {
      const { sim, requests, snapshot } = await setup()
      await requests.runClientLine('client use laptop-macos')
      await requests.runClientLine('export DOCKER_HOST=ssh://me@container-host')
      await sim.runLine('docker ps', 'terminal')
      const ps = snapshot().rows.at(-1)!
      expect(ps.client).toBe('macOS laptop')
      requests.select(ps.id)
      const before = requests.packetFrame(0, false)!.version
      await i18n.changeLanguage('de')
      expect(snapshot().rows.at(-1)).toMatchObject({ id: ps.id, client: 'macOS-Laptop', answer: '200 OK' })
      expect(snapshot().detail).toMatchObject({ client: 'CLI auf einem macOS-Laptop', transport: 'ssh' })
      expect(snapshot().detail?.hops[0]).toMatchObject({ title: 'CLI auf einem macOS-Laptop', text: 'Die docker-CLI sendet GET /containers/json, für `docker ps`' })
      expect(snapshot().client.label).toBe('CLI auf einem macOS-Laptop → ssh → container-host')
      const frame = requests.packetFrame(0, false)!
      expect(frame.version).toBeGreaterThan(before)
      expect(frame.apiLabel).toBe('REST API · ssh')
      await requests.runClientLine('client use host')
      await requests.runClientLine('unset DOCKER_HOST')
      await Promise.resolve()
      expect(snapshot().client).toMatchObject({ label: 'CLI auf container-host (Unix-Socket)', transport: 'Unix-Socket' })
    })

    it('stops listening when disposed', async () => {
      const { requests, snapshot } = await setup()
      const first = snapshot()
      requests.dispose()
      await i18n.changeLanguage('de')
      expect(snapshot()).toBe(first)
    })
  })
})
