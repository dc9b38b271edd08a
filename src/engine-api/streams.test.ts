import { describe, expect, it } from 'vitest'
import { drain, frames, jsonLines, kit, open, pull, run, runBody, type Kit } from './testKit.ts'

function create(k: Kit, name: string, body: Record<string, unknown>): string {
  const res = k.call('POST', '/v1.50/containers/create', { query: { name }, body })
  expect(res.status, JSON.stringify(res.json)).toBe(201)
  return (res.json as { Id: string }).Id
}

const decoder = new TextDecoder()

describe('docker run in the foreground: attach + wait + start', () => {
  it('frames the script output on the attach stream and waits for exit code 3', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const id = create(k, 'job', runBody('alpine:3.20', { Cmd: ['sh', '-c', 'echo hi; exit 3'], AttachStdout: true, AttachStderr: true }))
    const attachRes = k.call('POST', `/v1.50/containers/${id}/attach`, { query: { stream: '1', stdout: '1', stderr: '1' } })
    expect(attachRes.status).toBe(101)
    expect(attachRes.upgrade).toBe(true)
    expect(attachRes.headers['Content-Type']).toBe('application/vnd.docker.multiplexed-stream')
    const waitRes = k.call('POST', `/v1.50/containers/${id}/wait`, { query: { condition: 'next-exit' } })
    expect(waitRes.status).toBe(200)
    expect(waitRes.headers['Content-Type']).toBe('application/json')
    const attach = open(attachRes)
    const wait = open(waitRes)
    expect(wait.chunks).toEqual([]) // headers only, until the container exits
    expect(k.call('POST', `/v1.50/containers/${id}/start`).status).toBe(204)
    run(k.world, wait)
    expect(attach.ended).toBe(true)
    expect(decoder.decode(attach.bytes())).toBe('\x01\0\0\0\0\0\0\x03hi\n')
    expect(wait.text()).toBe('{"Error":null,"StatusCode":3}\n')
  })

  it('sends raw bytes with CRLF to a TTY container', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const id = create(k, 'tty', runBody('alpine:3.20', { Cmd: ['echo', 'hi'], Tty: true }))
    const attachRes = k.call('POST', `/v1.50/containers/${id}/attach`, { query: { stream: '1', stdout: '1', stderr: '1' } })
    expect(attachRes.headers['Content-Type']).toBe('application/vnd.docker.raw-stream')
    const attach = open(attachRes)
    k.call('POST', `/v1.50/containers/${id}/start`)
    run(k.world, attach)
    expect(attach.text()).toBe('hi\r\n')
  })

  it('with AutoRemove, wait?condition=removed answers after the daemon removed the container', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const id = create(k, 'rmme', runBody('alpine:3.20', { Cmd: ['sh', '-c', 'exit 4'] }, { AutoRemove: true }))
    const wait = open(k.call('POST', `/v1.50/containers/${id}/wait`, { query: { condition: 'removed' } }))
    k.call('POST', `/v1.50/containers/${id}/start`)
    let sawExitedWhileWaiting = false
    for (let i = 0; i < 100 && !wait.ended; i++) {
      k.world.step(100)
      const c = k.world.state.daemons[0]!.containers.find((x) => x.id === id)
      if (c?.state === 'exited' && !wait.ended) sawExitedWhileWaiting = true
    }
    expect(sawExitedWhileWaiting).toBe(true)
    expect(wait.text()).toBe('{"Error":null,"StatusCode":4}\n')
    expect(k.call('GET', `/v1.50/containers/${id}/json`).status).toBe(404)
  })

  it('a failed start of an --rm container removes it, so wait?condition=removed still answers', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const id = create(k, 'broken', runBody('alpine:3.20', { Cmd: ['nosuchcmd'] }, { AutoRemove: true }))
    const wait = open(k.call('POST', `/v1.50/containers/${id}/wait`, { query: { condition: 'removed' } }))
    const start = k.call('POST', `/v1.50/containers/${id}/start`)
    expect(start.status).toBe(500)
    expect(String((start.json as { message: string }).message)).toContain('exec: "nosuchcmd": executable file not found in $PATH')
    expect(wait.text()).toBe('{"Error":null,"StatusCode":127}\n')
    expect(k.call('GET', `/v1.50/containers/${id}/json`).status).toBe(404)
  })

  it('wait not-running answers at once for a container that is not running; next-exit does not', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const id = create(k, 'idle', runBody('alpine:3.20', { Cmd: ['sleep', '1000'] }))
    expect(open(k.call('POST', `/v1.50/containers/${id}/wait`)).text()).toBe('{"Error":null,"StatusCode":0}\n')
    const next = open(k.call('POST', `/v1.50/containers/${id}/wait`, { query: { condition: 'next-exit' } }))
    k.world.step(1000)
    expect(next.ended).toBe(false)
    k.call('POST', `/v1.50/containers/${id}/start`)
    k.world.step(1000)
    k.call('POST', `/v1.50/containers/${id}/kill`)
    expect(next.text()).toBe('{"Error":null,"StatusCode":137}\n')
    expect(k.call('POST', `/v1.50/containers/${id}/wait`, { query: { condition: 'sometime' } }).json).toEqual({ message: 'invalid condition: "sometime"' })
  })
})

describe('exec', () => {
  it('streams the command output, then inspect carries the exit code', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    create(k, 'box', runBody('alpine:3.20', { Cmd: ['sleep', 'infinity'] }))
    k.call('POST', '/v1.50/containers/box/start')
    k.world.step(1000)
    const created = k.call('POST', '/v1.50/containers/box/exec', { body: { AttachStdout: true, AttachStderr: true, Tty: false, Cmd: ['sh', '-c', 'echo out; echo err >&2; exit 5'] } })
    expect(created.status).toBe(201)
    const execId = (created.json as { Id: string }).Id
    const before = k.call('GET', `/v1.50/exec/${execId}/json`).json as { Running: boolean; ExitCode: number | null }
    expect(before).toMatchObject({ Running: false, ExitCode: null })
    const started = k.call('POST', `/v1.50/exec/${execId}/start`, { body: { Detach: false, Tty: false } })
    expect(started.status).toBe(101)
    expect(started.upgrade).toBe(true)
    const out = drain(k.world, started)
    expect(out.ended).toBe(true)
    const got = frames(out.bytes())
    expect(got.map(([s]) => s)).toContain(1)
    expect(got.find(([s]) => s === 1)?.[1]).toContain('out')
    const inspect = k.call('GET', `/v1.50/exec/${execId}/json`).json as Record<string, unknown>
    expect(inspect).toMatchObject({ ID: execId, Running: false, ExitCode: 5, ProcessConfig: { entrypoint: 'sh', arguments: ['-c', 'echo out; echo err >&2; exit 5'], tty: false }, OpenStdout: true })
    expect(k.call('GET', '/v1.50/exec/nope/json').json).toEqual({ message: 'No such exec instance: nope' })
  })

  it('refuses exec in a stopped container with 409', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const id = create(k, 'off', runBody('alpine:3.20'))
    const res = k.call('POST', '/v1.50/containers/off/exec', { body: { Cmd: ['ls'] } })
    expect(res.status).toBe(409)
    expect(res.json).toEqual({ message: `container ${id} is not running` })
  })
})

describe('logs', () => {
  it('frames stored output per line, honours tail and timestamps, and follows until exit', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const id = create(k, 'talk', runBody('alpine:3.20', { Cmd: ['sh', '-c', 'echo one; echo two; oops'] }))
    k.call('POST', `/v1.50/containers/${id}/start`)
    k.world.step(2000)
    const all = k.call('GET', `/v1.50/containers/${id}/logs`, { query: { stdout: '1', stderr: '1', tail: 'all' } })
    expect(all.headers['Content-Type']).toBe('application/vnd.docker.multiplexed-stream')
    const got = frames(open(all).bytes())
    expect(got).toEqual([[1, 'one\n'], [1, 'two\n'], [2, 'sh: oops: not found\n']])
    const onlyOut = frames(open(k.call('GET', `/v1.50/containers/${id}/logs`, { query: { stdout: '1' } })).bytes())
    expect(onlyOut.map(([s]) => s)).toEqual([1, 1])
    const tail = frames(open(k.call('GET', `/v1.50/containers/${id}/logs`, { query: { stdout: '1', stderr: '1', tail: '1', timestamps: '1' } })).bytes())
    expect(tail).toHaveLength(1)
    expect(tail[0]![1]).toMatch(/^2025-01-01T00:00:\d\d\.\d{9}Z sh: oops: not found\n$/)
    expect(k.call('GET', `/v1.50/containers/${id}/logs`).json).toEqual({ message: 'Bad parameters: you must choose at least one stream' })
    // an old API gets the raw-stream content type, same framing
    expect(k.call('GET', `/v1.41/containers/${id}/logs`, { query: { stdout: '1' } }).headers['Content-Type']).toBe('application/vnd.docker.raw-stream')
  })

  it('follow keeps streaming new output and ends when the container stops', () => {
    const k = kit()
    pull(k, 'nginx', '1.27')
    create(k, 'web', runBody('nginx:1.27'))
    k.call('POST', '/v1.50/containers/web/start')
    k.world.step(1000)
    const follow = open(k.call('GET', '/v1.50/containers/web/logs', { query: { stdout: '1', stderr: '1', follow: '1' } }))
    k.world.step(1000)
    expect(follow.ended).toBe(false)
    const exec = k.call('POST', '/v1.50/containers/web/exec', { body: { Cmd: ['true'] } })
    expect(exec.status).toBe(201)
    k.call('POST', '/v1.50/containers/web/stop')
    expect(follow.ended).toBe(true)
  })
})

describe('stats', () => {
  it('gives CPU figures from which the CLI computes the simulation cpuPercent', () => {
    const k = kit()
    pull(k, 'nginx', '1.27')
    create(k, 'web', runBody('nginx:1.27', {}, { Memory: 268435456 }))
    k.call('POST', '/v1.50/containers/web/start')
    k.world.step(1000)
    expect(k.world.send({ type: 'fault', kind: 'cpu-hog', target: 'web', threads: 2 }).ok).toBe(true)
    k.world.step(3000)
    const c = k.world.state.daemons[0]!.containers[0]!
    expect(c.cpuPercent).toBeGreaterThan(100)
    const id = c.id.slice(0, 12)
    const res = k.call('GET', `/v1.50/containers/${id}/stats`, { query: { stream: '0' } })
    expect(res.status).toBe(200)
    const s = res.json as {
      id: string; name: string; read: string; preread: string
      cpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage: number; online_cpus: number }
      precpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage: number }
      memory_stats: { usage: number; limit: number }; pids_stats: { current: number }; networks: { eth0: { rx_bytes: number } }
    }
    expect(s.id).toBe(c.id)
    expect(s.name).toBe('/web')
    const cpuDelta = s.cpu_stats.cpu_usage.total_usage - s.precpu_stats.cpu_usage.total_usage
    const systemDelta = s.cpu_stats.system_cpu_usage - s.precpu_stats.system_cpu_usage
    const cliPercent = (cpuDelta / systemDelta) * s.cpu_stats.online_cpus * 100
    expect(cliPercent).toBeCloseTo(c.cpuPercent, 5)
    expect(Number.isInteger(s.cpu_stats.cpu_usage.total_usage) && Number.isInteger(s.cpu_stats.system_cpu_usage)).toBe(true)
    expect(s.cpu_stats.online_cpus).toBe(16)
    expect(s.memory_stats.limit).toBe(268435456)
    expect(s.memory_stats.usage).toBe(Math.round(c.memoryMb * 1048576))
    expect(s.pids_stats.current).toBe(c.pids)
    expect(s.networks.eth0).toBeDefined()
    expect(Date.parse(s.read) - Date.parse(s.preread)).toBe(1000)
  })

  it('streams one object per virtual second until the container is removed', () => {
    const k = kit()
    pull(k, 'nginx', '1.27')
    create(k, 'web', runBody('nginx:1.27'))
    k.call('POST', '/v1.50/containers/web/start')
    k.world.step(1000)
    const stream = open(k.call('GET', '/v1.50/containers/web/stats', { query: { stream: '1' } }))
    expect(jsonLines(stream.text())).toHaveLength(1)
    k.world.step(3000)
    const objects = jsonLines(stream.text())
    expect(objects).toHaveLength(4)
    expect((objects[3]!.memory_stats as { limit: number }).limit).toBe(65536 * 1048576)
    k.call('DELETE', '/v1.50/containers/web', { query: { force: '1' } })
    expect(stream.ended).toBe(true)
  })
})

describe('events', () => {
  it('replays the daemon log for a past window, then closes', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const since = String(1735689600 + Math.floor(k.world.clockMs / 1000))
    const id = create(k, 'evt', runBody('alpine:3.20', { Cmd: ['sleep', '100'] }))
    k.call('POST', `/v1.50/containers/${id}/start`)
    k.world.step(1000)
    k.call('DELETE', `/v1.50/containers/${id}`, { query: { force: '1' } })
    k.world.step(2000)
    const until = String(1735689600 + Math.floor(k.world.clockMs / 1000))
    const res = k.call('GET', '/v1.50/events', { query: { since, until, filters: '{"type":{"container":true}}' } })
    const out = open(res)
    expect(out.ended).toBe(true)
    const events = jsonLines(out.text())
    expect(events.map((e) => e.Action)).toEqual(['create', 'start', 'kill', 'die', 'destroy'])
    expect(events[0]).toMatchObject({ status: 'create', id, from: 'alpine:3.20', Type: 'container', Action: 'create', Actor: { ID: id, Attributes: { image: 'alpine:3.20', name: 'evt' } }, scope: 'local' })
    expect(Object.keys(events[3]!.Actor as object)).toEqual(['ID', 'Attributes'])
    expect(Object.keys((events[3]!.Actor as { Attributes: object }).Attributes)).toEqual(['exitCode', 'image', 'name'])
    const first = events[0] as { time: number; timeNano: number }
    expect(out.text()).toMatch(new RegExp(`"time":${first.time},"timeNano":${first.time}\\d{9}\\}`))
  })

  it('streams new events live until the client stops', () => {
    const k = kit()
    pull(k, 'alpine', '3.20')
    const live = open(k.call('GET', '/v1.50/events', { query: { filters: '{"container":{"evt2":true}}' } }))
    expect(live.text()).toBe('') // no window: no replay
    create(k, 'evt2', runBody('alpine:3.20', { Cmd: ['sh', '-c', 'exit 0'] }))
    k.call('POST', '/v1.50/containers/evt2/start')
    k.world.step(2000)
    expect(jsonLines(live.text()).map((e) => e.Action)).toEqual(['create', 'start', 'die'])
    live.stop()
    create(k, 'evt3', runBody('alpine:3.20'))
    expect(live.ended).toBe(false)
  })
})
