import { describe, expect, it } from 'vitest'
import { drain, jsonLines, kit, pull, runBody, type Kit } from './testKit.ts'

function create(k: Kit, name: string, body: Record<string, unknown>): string {
  const res = k.call('POST', '/v1.50/containers/create', { query: { name }, body })
  expect(res.status, JSON.stringify(res.json)).toBe(201)
  return (res.json as { Id: string }).Id
}

function inspect(k: Kit, ref: string): Record<string, unknown> {
  const res = k.call('GET', `/v1.50/containers/${ref}/json`)
  expect(res.status).toBe(200)
  return res.json as Record<string, unknown>
}

describe('pull', () => {
  it('streams the progress messages and the image appears in /images/json', () => {
    const k = kit()
    const res = k.call('POST', '/v1.50/images/create', { query: { fromImage: 'docker.io/library/nginx', tag: '1.27' } })
    expect(res.status).toBe(200)
    expect(res.headers['Content-Type']).toBe('application/json')
    const out = drain(k.world, res)
    expect(out.ended).toBe(true)
    const text = out.text()
    expect(text.endsWith('\r\n')).toBe(true)
    const messages = jsonLines(text)
    expect(messages[0]).toEqual({ status: 'Pulling from library/nginx', id: '1.27' })
    expect(messages.some((m) => m.status === 'Pull complete')).toBe(true)
    expect(String(messages.at(-2)?.status)).toMatch(/^Digest: sha256:[0-9a-f]{64}$/)
    expect(messages.at(-1)).toEqual({ status: 'Status: Downloaded newer image for nginx:1.27' })
    const images = k.call('GET', '/v1.50/images/json').json as { RepoTags: string[]; Size: number; Id: string }[]
    expect(images.map((i) => i.RepoTags)).toEqual([['nginx:1.27']])
    expect(images[0]!.Id).toMatch(/^sha256:[0-9a-f]{64}$/)
    const again = jsonLines(pull(k, 'nginx', '1.27').text())
    expect(again.at(-1)).toEqual({ status: 'Status: Image is up to date for nginx:1.27' })
  })

  it('fails before the stream for unknown repositories and tags, inside it for a Windows image', () => {
    const k = kit()
    const nonexist = k.call('POST', '/v1.50/images/create', { query: { fromImage: 'docker.io/library/doesnotexist', tag: 'latest' } })
    expect(nonexist.status).toBe(404)
    expect(nonexist.json).toEqual({ message: "pull access denied for doesnotexist, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" })
    const badTag = k.call('POST', '/v1.50/images/create', { query: { fromImage: 'docker.io/library/nginx', tag: 'badtag' } })
    expect(badTag.json).toEqual({ message: 'manifest for nginx:badtag not found: manifest unknown: manifest unknown' })
    const windows = k.call('POST', '/v1.50/images/create', { query: { fromImage: 'mcr.microsoft.com/windows/servercore', tag: 'ltsc2022' } })
    expect(windows.status).toBe(200)
    const lines = jsonLines(drain(k.world, windows).text())
    expect(lines).toEqual([
      { status: 'Pulling from windows/servercore', id: 'ltsc2022' },
      { errorDetail: { message: 'no matching manifest for linux/amd64 in the manifest list entries' }, error: 'no matching manifest for linux/amd64 in the manifest list entries' }
    ])
  })

  it('filters images by reference', () => {
    const k = kit()
    pull(k, 'nginx', '1.27')
    pull(k, 'alpine', '3.20')
    const list = (filters: string) => (k.call('GET', '/v1.50/images/json', { query: { filters } }).json as { RepoTags: string[] }[]).map((i) => i.RepoTags[0])
    expect(list('{"reference":{"nginx":true}}')).toEqual(['nginx:1.27'])
    expect(list('{"reference":["alp*"]}')).toEqual(['alpine:3.20'])
    expect(list('{"reference":{"nginx:1.*":true}}')).toEqual(['nginx:1.27'])
    expect(k.call('GET', '/v1.50/images/json', { query: { filters: '{"colour":{"red":true}}' } }).json).toEqual({ message: "invalid filter 'colour'" })
  })
})

describe('container lifecycle', () => {
  it('answers 404 No such image for a missing image (the CLI then pulls)', () => {
    const k = kit()
    const res = k.call('POST', '/v1.50/containers/create', { body: runBody('nginx') })
    expect(res.status).toBe(404)
    expect(res.json).toEqual({ message: 'No such image: nginx:latest' })
  })

  it('create → start → inspect → stop → rm, with 304s, 409s and dockerd wording', () => {
    const k = kit()
    pull(k, 'nginx', '1.27')
    const id = create(k, 'web', runBody('nginx:1.27', { ExposedPorts: { '80/tcp': {} } }, {
      PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, Memory: 268435456, NanoCpus: 500000000
    }))
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    const conflict = k.call('POST', '/v1.50/containers/create', { query: { name: 'web' }, body: runBody('nginx:1.27') })
    expect(conflict.status).toBe(409)
    expect(conflict.json).toEqual({ message: `Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.` })
    expect(k.call('POST', '/v1.50/containers/web/start').status).toBe(204)
    expect(k.call('POST', '/v1.50/containers/web/start').status).toBe(304)
    k.world.step(2000)
    const doc = inspect(k, id.slice(0, 12))
    expect(doc).toMatchObject({ Id: id, Name: '/web', Path: '/docker-entrypoint.sh', Args: ['nginx', '-g', 'daemon off;'], Driver: 'overlay2' })
    expect(doc.State).toMatchObject({ Status: 'running', Running: true, Paused: false, Restarting: false, OOMKilled: false, Dead: false, ExitCode: 0, FinishedAt: '0001-01-01T00:00:00Z' })
    expect((doc.State as { Pid: number }).Pid).toBeGreaterThan(0)
    expect((doc.State as { StartedAt: string }).StartedAt).toMatch(/^2025-01-01T00:00:0\d(\.\d+)?Z$/)
    expect(doc.HostConfig).toMatchObject({ Memory: 268435456, NanoCpus: 500000000, NetworkMode: 'bridge', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, RestartPolicy: { Name: 'no', MaximumRetryCount: 0 }, PidsLimit: null, LogConfig: { Type: 'json-file', Config: {} }, ShmSize: 67108864 })
    expect(doc.Config).toMatchObject({ Tty: false, Image: 'nginx:1.27', Cmd: ['nginx', '-g', 'daemon off;'], Entrypoint: ['/docker-entrypoint.sh'], ExposedPorts: { '80/tcp': {} } })
    expect((doc.NetworkSettings as { Ports: unknown }).Ports).toEqual({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] })
    expect((doc.NetworkSettings as { IPAddress: string }).IPAddress).toMatch(/^172\.17\.0\.\d+$/)

    const rmRunning = k.call('DELETE', '/v1.50/containers/web')
    expect(rmRunning.status).toBe(409)
    expect(rmRunning.json).toEqual({ message: 'cannot remove container "/web": container is running: stop the container before removing or force remove' })
    expect(k.call('POST', '/v1.50/containers/web/pause').status).toBe(204)
    expect(k.call('POST', '/v1.50/containers/web/pause').json).toEqual({ message: `container ${id} is already paused` })
    expect(k.call('POST', '/v1.50/containers/web/unpause').status).toBe(204)
    expect(k.call('POST', '/v1.50/containers/web/stop', { query: { t: '5' } }).status).toBe(204)
    expect(k.call('POST', '/v1.50/containers/web/stop').status).toBe(304)
    const killStopped = k.call('POST', '/v1.50/containers/web/kill', { query: { signal: 'HUP' } })
    expect(killStopped.status).toBe(409)
    expect(killStopped.json).toEqual({ message: `cannot kill container: web: container ${id} is not running` })
    expect((inspect(k, 'web').State as { Status: string }).Status).toBe('exited')
    expect(k.call('DELETE', '/v1.50/containers/web').status).toBe(204)
    expect(k.call('DELETE', '/v1.50/containers/web').json).toEqual({ message: 'No such container: web' })
    expect(k.call('POST', '/v1.50/containers/web/stop').status).toBe(404)
  })

  it('lists containers as docker ps shows them: Status, Ports, Command, Created', () => {
    const k = kit()
    pull(k, 'nginx', '1.27')
    pull(k, 'alpine', '3.20')
    const createdAt = 1735689600 + Math.floor(k.world.clockMs / 1000)
    create(k, 'web', runBody('nginx:1.27', {}, { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } }))
    create(k, 'job', runBody('alpine:3.20', { Cmd: ['sh', '-c', 'echo hi; exit 3'] }))
    create(k, 'idle', runBody('alpine:3.20', { Cmd: ['sleep', '1000'] }))
    k.world.step(1000)
    k.call('POST', '/v1.50/containers/web/start')
    k.call('POST', '/v1.50/containers/job/start')
    k.world.step(5 * 60_000 + 1000)
    type Row = { Names: string[]; Status: string; State: string; Ports: unknown[]; Command: string; Created: number }
    const all = k.call('GET', '/v1.50/containers/json', { query: { all: '1' } }).json as Row[]
    const byName = Object.fromEntries(all.map((r) => [r.Names[0], r]))
    expect(all.map((r) => r.Names[0])).toEqual(['/idle', '/job', '/web'])
    expect(byName['/web']!.Status).toBe('Up 5 minutes')
    expect(byName['/web']!.Ports).toEqual([
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }
    ])
    expect(byName['/web']!.Command).toBe("/docker-entrypoint.sh nginx -g 'daemon off;'")
    expect(byName['/web']!.Created).toBe(createdAt)
    expect(byName['/job']!.Created).toBe(createdAt)
    expect(byName['/job']!.Status).toBe('Exited (3) 5 minutes ago')
    expect(byName['/job']!.Command).toBe("sh -c 'echo hi; exit 3'")
    expect(byName['/job']!.Ports).toEqual([])
    expect(byName['/idle']!.Status).toBe('Created')
    const running = k.call('GET', '/v1.50/containers/json').json as Row[]
    expect(running.map((r) => r.Names[0])).toEqual(['/web'])
    k.call('POST', '/v1.50/containers/web/pause')
    k.world.step(24_000)
    expect((k.call('GET', '/v1.50/containers/json').json as Row[])[0]!.Status).toBe('Up 5 minutes (Paused)')
  })

  it('filters by name, status, id, ancestor and label, in both filter encodings', () => {
    const k = kit()
    pull(k, 'nginx', '1.27')
    pull(k, 'alpine', '3.20')
    const webId = create(k, 'web', runBody('nginx:1.27', { Labels: { app: 'shop' } }))
    create(k, 'webby', runBody('alpine:3.20', { Cmd: ['sleep', 'infinity'] }))
    create(k, 'other', runBody('alpine:3.20'))
    k.call('POST', '/v1.50/containers/web/start')
    k.call('POST', '/v1.50/containers/webby/start')
    k.world.step(1000)
    const names = (filters: unknown, all = '1') => (k.call('GET', '/v1.50/containers/json', { query: { all, filters: JSON.stringify(filters) } }).json as { Names: string[] }[]).map((r) => r.Names[0])
    expect(names({ name: { web: true } })).toEqual(['/webby', '/web'])
    expect(names({ name: ['^/web$'] })).toEqual(['/web'])
    expect(names({ status: { created: true } }, '0')).toEqual(['/other'])
    expect(names({ name: { web: true }, status: { running: true } })).toEqual(['/webby', '/web'])
    expect(names({ id: [webId.slice(0, 8)] })).toEqual(['/web'])
    // like dockerd, an ancestor that names no local image (alpine:latest) matches nothing
    expect(names({ ancestor: { alpine: true } })).toEqual([])
    expect(names({ ancestor: ['alpine:3.20'] })).toEqual(['/other', '/webby'])
    expect(names({ label: { app: true } })).toEqual(['/web'])
    expect(names({ label: { 'app=shop': true } })).toEqual(['/web'])
    expect(names({ label: { 'app=other': true } })).toEqual([])
    const bad = k.call('GET', '/v1.50/containers/json', { query: { filters: '{"status":{"sleeping":true}}' } })
    expect(bad.status).toBe(400)
    expect(bad.json).toEqual({ message: "invalid filter 'status=sleeping'" })
  })

  it('shows health in Status and inspect', () => {
    const k = kit()
    pull(k, 'nginx', '1.27')
    create(k, 'hc', runBody('nginx:1.27', { Healthcheck: { Test: ['CMD-SHELL', 'curl localhost:80'], Interval: 2_000_000_000, Retries: 3 } }))
    k.call('POST', '/v1.50/containers/hc/start')
    k.world.step(1500)
    const status = () => (k.call('GET', '/v1.50/containers/json').json as { Status: string }[])[0]!.Status
    expect(status()).toBe('Up 1 second (health: starting)')
    k.world.step(3000)
    expect(status()).toBe('Up 4 seconds (healthy)')
    const doc = inspect(k, 'hc')
    expect((doc.State as { Health: { Status: string } }).Health.Status).toBe('healthy')
    expect((doc.Config as { Healthcheck: unknown }).Healthcheck).toEqual({ Test: ['CMD-SHELL', 'curl localhost:80'], Interval: 2_000_000_000, Retries: 3 })
  })

  it('maps the create body onto the simulation: pids limit, restart policy, binds, auto-remove, caps', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const unlimited = create(k, 'aa', runBody('alpine:3.20', {}, { PidsLimit: -1 }))
    expect((inspect(k, unlimited).HostConfig as { PidsLimit: unknown }).PidsLimit).toBe(null)
    create(k, 'bb', runBody('alpine:3.20', { Cmd: ['sleep', '1000'], Env: ['A=1'] }, {
      PidsLimit: 50, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 }, Binds: ['v1:/data'], CapAdd: ['NET_ADMIN'], CpuShares: 512, Privileged: true
    }))
    const doc = inspect(k, 'bb')
    expect(doc.HostConfig).toMatchObject({ PidsLimit: 50, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 }, Binds: ['v1:/data'], CapAdd: ['NET_ADMIN'], CpuShares: 512, Privileged: true })
    expect((doc.Config as { Env: string[] }).Env).toContain('A=1')
    expect(doc.Mounts).toEqual([{ Type: 'volume', Name: 'v1', Source: '/var/lib/docker/volumes/v1/_data', Destination: '/data', Driver: 'local', Mode: 'z', RW: true, Propagation: '' }])
    const badPolicy = k.call('POST', '/v1.50/containers/create', { body: runBody('alpine:3.20', {}, { RestartPolicy: { Name: 'sometimes' } }) })
    expect(badPolicy.status).toBe(400)
    const rmWithRestart = k.call('POST', '/v1.50/containers/create', { body: runBody('alpine:3.20', {}, { AutoRemove: true, RestartPolicy: { Name: 'always' } }) })
    expect(rmWithRestart.json).toEqual({ message: "can't create 'AutoRemove' container with restart policy" })
    const empty = k.call('POST', '/v1.50/containers/create')
    expect(empty.json).toEqual({ message: 'config cannot be empty in order to create a container' })
  })

  it('renames, tops, resizes and prunes', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const id = create(k, 'c2', runBody('alpine:3.20', { Cmd: ['sleep', '1000'] }))
    expect(k.call('POST', '/v1.50/containers/c2/rename', { query: { name: 'c3' } }).status).toBe(204)
    expect(inspect(k, id).Name).toBe('/c3')
    expect(k.call('GET', '/v1.50/containers/c3/top').status).toBe(409)
    k.call('POST', '/v1.50/containers/c3/start')
    k.world.step(500)
    const top = k.call('GET', '/v1.50/containers/c3/top').json as { Titles: string[]; Processes: string[][] }
    expect(top.Titles).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'])
    expect(top.Processes[0]!.at(-1)).toBe('sleep 1000')
    expect(k.call('POST', '/v1.50/containers/c3/resize', { query: { h: '30', w: '100' } }).status).toBe(200)
    create(k, 'dead', runBody('alpine:3.20'))
    const pruned = k.call('POST', '/v1.50/containers/prune').json as { ContainersDeleted: string[] | null; SpaceReclaimed: number }
    expect(pruned.ContainersDeleted?.length).toBe(1)
    expect((k.call('POST', '/v1.50/containers/prune').json as { ContainersDeleted: unknown }).ContainersDeleted).toBe(null)
  })
})

describe('images, networks, volumes, df', () => {
  it('inspects, tags and removes images by names with slashes and colons', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const doc = k.call('GET', '/v1.50/images/docker.io/library/alpine:3.20/json')
    expect(doc.status).toBe(200)
    expect(doc.json).toMatchObject({ RepoTags: ['alpine:3.20'], Os: 'linux', Architecture: 'amd64', Config: { Cmd: ['/bin/sh'] } })
    expect(k.call('GET', '/v1.50/images/alpine:3.20/history').json).toMatchObject([{ CreatedBy: '/bin/sh -c #(nop) ADD file:alpine-minirootfs in /' }])
    expect(k.call('POST', '/v1.50/images/alpine:3.20/tag', { query: { repo: 'docker.io/library/myalpine', tag: 'v1' } }).status).toBe(201)
    expect((k.call('GET', '/v1.50/images/myalpine:v1/json').json as { RepoTags: string[] }).RepoTags).toEqual(['alpine:3.20', 'myalpine:v1'])
    expect(k.call('DELETE', '/v1.50/images/myalpine:v1').json).toEqual([{ Untagged: 'myalpine:v1' }])
    expect(k.call('GET', '/v1.50/images/nosuch/json').json).toEqual({ message: 'No such image: nosuch:latest' })
    create(k, 'user', runBody('alpine:3.20'))
    const inUse = k.call('DELETE', '/v1.50/images/alpine:3.20')
    expect(inUse.status).toBe(409)
    k.call('DELETE', '/v1.50/containers/user')
    const removed = k.call('DELETE', '/v1.50/images/alpine:3.20').json as Record<string, string>[]
    expect(removed[0]).toEqual({ Untagged: 'alpine:3.20' })
    expect(removed.some((r) => r.Deleted?.startsWith('sha256:'))).toBe(true)
  })

  it('creates, lists (sorted), inspects and removes networks and volumes', () => {
    const k = kit()
    const net = k.call('POST', '/v1.50/networks/create', { body: { Name: 'mynet', Driver: 'bridge' } })
    expect(net.status).toBe(201)
    expect(net.json).toMatchObject({ Warning: '' })
    expect(k.call('POST', '/v1.50/networks/create', { body: { Name: 'mynet' } }).json).toEqual({ message: 'network with name mynet already exists' })
    expect((k.call('GET', '/v1.50/networks').json as { Name: string }[]).map((n) => n.Name)).toEqual(['bridge', 'host', 'mynet', 'none'])
    expect(k.call('GET', '/v1.50/networks/mynet').json).toMatchObject({ Name: 'mynet', Driver: 'bridge', Scope: 'local', IPAM: { Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] } })
    expect(k.call('DELETE', '/v1.50/networks/mynet').status).toBe(204)
    expect(k.call('GET', '/v1.50/networks/mynet').json).toEqual({ message: 'network mynet not found' })
    const vol = k.call('POST', '/v1.50/volumes/create', { body: { Driver: 'local', Name: 'v1' } })
    expect(vol.status).toBe(201)
    expect(vol.json).toEqual({ CreatedAt: '2025-01-01T00:00:00Z', Driver: 'local', Labels: {}, Mountpoint: '/var/lib/docker/volumes/v1/_data', Name: 'v1', Options: {}, Scope: 'local' })
    expect(k.call('GET', '/v1.50/volumes').json).toMatchObject({ Volumes: [{ Name: 'v1' }], Warnings: null })
    expect(k.call('DELETE', '/v1.50/volumes/v1').status).toBe(204)
    expect(k.call('GET', '/v1.50/volumes/v1').json).toEqual({ message: 'get v1: no such volume' })
  })

  it('reports disk usage', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    create(k, 'xx', runBody('alpine:3.20'))
    const df = k.call('GET', '/v1.50/system/df').json as { LayersSize: number; Images: { Containers: number }[]; Containers: { SizeRw: number }[]; BuildCache: unknown[] }
    expect(df.LayersSize).toBe(7_800_000)
    expect(df.Images[0]!.Containers).toBe(1)
    expect(df.Containers[0]!.SizeRw).toBe(100_000)
    expect(df.BuildCache).toEqual([])
  })
})
