import { afterEach, describe, expect, it } from 'vitest'
import { World } from '../../../sim/index.ts'
import { Shell } from '../../../cli/Shell.ts'
import { i18n, t } from '../i18n'
import { describeClient, type Translate } from '../scene/clientLabel'
import { hopsOf, isLifecycle } from './requestHops'
import { RequestTrace, requestLabel } from './requestTrace'
import { requestBodyView, responseBodyView, summariseJson } from './requestSummary'

async function traced(lines: string[], capacity?: number) {
  const world = new World({ seed: 1 })
  const trace = new RequestTrace(capacity)
  trace.attach(world)
  const shell = new Shell(world)
  for (const line of lines) {
    await shell.run(line)
    trace.attributeCommand(line)
  }
  return { world, trace }
}

describe('RequestTrace', () => {
  it('records every request of `docker run -d` as docker CLI 28 sends them, with the client and the container', async () => {
    const { trace, world } = await traced(['docker run -d --name web nginx:1.27'])
    const all = trace.all()
    expect(all.map((r) => `${requestLabel(r)} ${r.status}`)).toEqual([
      'POST /containers/create 404', 'POST /images/create 200', 'POST /containers/create 201',
      'POST /containers/{id}/wait 200', 'POST /containers/{id}/start 204'
    ])
    const web = world.state.daemons[0]!.containers.find((c) => c.name === 'web')!
    expect(all[2]).toMatchObject({ containerId: web.id, containerName: 'web', daemon: 'container-host', source: 'cli', clientLocation: 'host',
      clientTitle: 'CLI on container-host', hostUrl: 'unix:///var/run/docker.sock', transport: 'unix socket', command: 'docker run -d --name web nginx:1.27' })
    expect(all[4]!.containerName).toBe('web')
    // the failed create names no container
    expect(all[0]!.containerId).toBeNull()
    expect(all.map((r) => r.id)).toEqual([1, 2, 3, 4, 5])
  })

  it('knows where the client was: a macOS laptop over ssh', async () => {
    const { trace } = await traced(['client use laptop-macos', 'export DOCKER_HOST=ssh://me@container-host', 'docker ps'])
    const [ps] = trace.all()
    expect(ps).toMatchObject({ method: 'GET', route: '/containers/json', clientLocation: 'laptop-macos', clientTitle: 'CLI on a macOS laptop',
      hostUrl: 'ssh://me@container-host', transport: 'ssh', command: 'docker ps' })
    expect(ps!.hops[1]!.text).toContain('ssh')
  })

  it('keeps the newest requests only, and attributes a command only to requests without one', async () => {
    const { trace } = await traced(['docker pull nginx:1.27', 'docker ps', 'docker ps -a', 'docker images'], 2)
    expect(trace.all().map((r) => r.command)).toEqual(['docker ps -a', 'docker images'])
    expect(trace.all().map((r) => r.id)).toEqual([3, 4])
  })

  it('follows a new world and stops listening to the old one', async () => {
    const trace = new RequestTrace()
    const first = new World({ seed: 1 })
    trace.attach(first)
    const second = new World({ seed: 1 })
    trace.attach(second)
    await new Shell(first).run('docker ps')
    expect(trace.all()).toHaveLength(0)
    await new Shell(second).run('docker ps')
    expect(trace.all()).toHaveLength(1)
  })

  it('takes the query and bodies from the caller (the engine bridge) when it has them', async () => {
    const world = new World({ seed: 1 })
    const trace = new RequestTrace()
    trace.attach(world)
    trace.beginExternal({ clientTitle: 'a real docker CLI', hostUrl: 'tcp://127.0.0.1:23750' })
    await new Shell(world).run('docker ps')
    const entry = trace.endExternal()!
    expect(entry).toMatchObject({ source: 'engine-bridge', clientLocation: 'this-computer', transport: 'tcp' })
    trace.enrich(entry, { method: 'GET', path: '/v1.50/containers/json', query: { all: '1' }, headers: {} }, { status: 200, headers: {}, json: [] })
    expect(entry).toMatchObject({ fullPath: '/v1.50/containers/json', query: { all: '1' }, responseSummary: '[]' })
    // the next in-app request is the CLI's again
    await new Shell(world).run('docker ps')
    expect(trace.all()[1]!.source).toBe('cli')
  })
})

describe('hops', () => {
  const base = { daemon: 'container-host', transport: 'unix socket', hostUrl: 'unix:///var/run/docker.sock', clientTitle: 'CLI on container-host', containerName: 'web', command: null, path: '' }

  it('a container lifecycle route goes down to runc and the container and back', () => {
    const hops = hopsOf({ ...base, method: 'POST', route: '/containers/{id}/start', status: 204 })
    expect(hops.map((h) => h.station)).toEqual(['client', 'api', 'dockerd', 'containerd', 'runc', 'container', 'dockerd', 'client'])
    expect(hops.map((h) => h.back)).toEqual([false, false, false, false, false, false, true, true])
    expect(hops[4]!.text).toMatch(/namespaces/)
    expect(hops[6]!.text).toContain('204 No Content')
  })

  it('everything else, and any refusal, returns from dockerd', () => {
    expect(hopsOf({ ...base, method: 'GET', route: '/containers/json', status: 200 }).map((h) => h.station)).toEqual(['client', 'api', 'dockerd', 'client'])
    const refused = hopsOf({ ...base, method: 'POST', route: '/containers/create', status: 404 })
    expect(refused.map((h) => h.station)).toEqual(['client', 'api', 'dockerd', 'client'])
    expect(refused[2]!.text).toContain('404 Not Found')
    expect(isLifecycle({ method: 'POST', route: '/containers/{id}/kill', status: 204 })).toBe(true)
    expect(isLifecycle({ method: 'GET', route: '/containers/{id}/json', status: 200 })).toBe(false)
    expect(hopsOf({ ...base, method: 'GET', route: null, path: '/v1.50/info', status: 503 })[2]!.text).toContain('No daemon answers')
  })
})

describe('request and response summaries', () => {
  it('says the most in one line', () => {
    const create = { Hostname: '', Env: [], Cmd: null, Image: 'nginx:1.27', Tty: false, OpenStdin: false, HostConfig: { Memory: 0, CpuShares: 0 }, Labels: {} }
    expect(summariseJson(create)).toBe('{ Image: "nginx:1.27", HostConfig: {…2}, …6 more }')
    expect(summariseJson({ Id: 'abc', Warnings: [] })).toBe('{ Id: "abc", Warnings: [] }')
    expect(summariseJson([{ Id: 'a' }, { Id: 'b' }, { Id: 'c' }, { Id: 'd' }])).toBe('[{…1}, {…1}, {…1}, …1 more]')
    expect(summariseJson('x'.repeat(500), 20)).toHaveLength(20)
  })

  it('shows JSON bodies pretty and capped, and never decodes a build context', () => {
    const json = requestBodyView(new TextEncoder().encode('{"Image":"nginx:1.27"}'), 'application/json')
    expect(json).toEqual({ summary: '{ Image: "nginx:1.27" }', text: '{\n  "Image": "nginx:1.27"\n}' })
    expect(requestBodyView(new Uint8Array(2048), 'application/x-tar')).toEqual({ summary: '2.0 KiB of application/x-tar', text: null })
    expect(requestBodyView(undefined, undefined)).toBeNull()
    expect(responseBodyView({ json: { Id: 'abc', Warnings: [] } })?.summary).toBe('{ Id: "abc", Warnings: [] }')
    expect(responseBodyView({ stream: {}, headers: { 'Content-Type': 'application/json' } })?.summary).toContain('JSON messages')
    expect(responseBodyView({ upgrade: true, stream: {} })?.summary).toContain('raw bytes both ways')
    expect(responseBodyView({ json: { big: 'y'.repeat(5000) } })?.text).toMatch(/more characters\)$/)
  })
})

describe('in the UI language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('describes the client in German, keeping the endpoint and the daemon as they are', async () => {
    const world = new World({ seed: 1 })
    const shell = new Shell(world)
    await shell.run('client use laptop-macos')
    await shell.run('export DOCKER_HOST=ssh://me@container-host')
    await i18n.changeLanguage('de')
    const tr: Translate = (key, params) => t(key, params)
    expect(describeClient(world.state, tr)).toMatchObject({ title: 'CLI auf einem macOS-Laptop', label: 'CLI auf einem macOS-Laptop → ssh → container-host', endpoint: 'ssh://me@container-host' })
    expect(describeClient(new World({ seed: 1 }).state, tr)).toMatchObject({ label: 'CLI auf container-host (Unix-Socket)', route: '→ Unix-Socket → dockerd auf container-host' })
  })

  it('says the hops in German; the status line and the route stay as HTTP writes them', async () => {
    await i18n.changeLanguage('de')
    const base = { daemon: 'container-host', transport: 'unix socket', hostUrl: 'unix:///var/run/docker.sock', clientTitle: 'CLI auf container-host', containerName: null, command: 'docker start web', path: '' }
    const hops = hopsOf({ ...base, method: 'POST', route: '/containers/{id}/start', status: 204 })
    expect(hops[0]!.text).toBe('Die docker-CLI sendet POST /containers/{id}/start, für `docker start web`')
    expect(hops[1]!.text).toContain('über Unix-Socket (unix:///var/run/docker.sock)')
    expect(hops[5]).toMatchObject({ title: 'der Container', text: expect.stringContaining('PID 1') })
    expect(hops[6]!.text).toBe('containerd meldet zurück; dockerd antwortet 204 No Content')
    expect(hopsOf({ ...base, method: 'GET', route: '/containers/json', status: 200 })[2]!.text).toContain('dockerd listet die Container')
  })

  it('relabels what it recorded when the language changes: titles, hops and bodies', async () => {
    const world = new World({ seed: 1 })
    const trace = new RequestTrace()
    trace.attach(world)
    trace.beginExternal({ clientTitle: 'a real docker CLI', hostUrl: 'tcp://127.0.0.1:23750' })
    await new Shell(world).run('docker ps')
    const entry = trace.endExternal()!
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i + 1]))
    trace.enrich(entry, { method: 'GET', path: '/v1.50/containers/json', query: {}, headers: { 'content-type': 'application/x-tar' }, body: new Uint8Array(2048) },
      { status: 200, headers: {}, json: many })
    expect(entry).toMatchObject({ clientTitle: 'a real docker CLI', requestSummary: '2.0 KiB of application/x-tar' })
    expect(entry.responseSummary).toMatch(/, …3 more }$/)
    let heard = 0
    trace.subscribe(() => heard++)
    await i18n.changeLanguage('de')
    trace.relabel()
    expect(heard).toBe(1)
    expect(entry).toMatchObject({ clientTitle: 'eine echte docker-CLI', requestSummary: '2,0 KiB vom Typ application/x-tar' })
    expect(entry.responseSummary).toMatch(/, …3 weitere }$/)
    expect(entry.hops[0]).toMatchObject({ title: 'eine echte docker-CLI', text: 'Die docker-CLI sendet GET /containers/json' })
    expect(responseBodyView({ json: { big: 'y'.repeat(5000) } })?.text).toMatch(/\(3\.015 weitere Zeichen\)$/)
    expect(responseBodyView({ upgrade: true })?.summary).toContain('rohe Bytes in beide Richtungen')
  })
})
