// Regressions found by running the same command lines through the real docker CLI and src/cli over HTTP
// (tests/integration): `-p` forms, `events` time bounds, pull notes in `docker run`, and errors as docker 28 prints them.
import { describe, expect, it } from 'vitest'
import { World } from '../sim/index.ts'
import { Shell } from './Shell.ts'
import { parsePublish } from './commands/run.ts'
import { FlagError } from './flags.ts'
import { unixTimestampText } from './format.ts'

describe('parsePublish (-p)', () => {
  it('reads every form go-connections accepts', () => {
    expect(parsePublish('80', 'run')).toEqual({ hostIp: '', hostPort: '', containerPort: '80', protocol: 'tcp' })
    expect(parsePublish('8080:80', 'run')).toEqual({ hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' })
    expect(parsePublish('127.0.0.1::81', 'run')).toEqual({ hostIp: '127.0.0.1', hostPort: '', containerPort: '81', protocol: 'tcp' })
    expect(parsePublish('1.2.3.4:7000:70/udp', 'run')).toEqual({ hostIp: '1.2.3.4', hostPort: '7000', containerPort: '70', protocol: 'udp' })
    expect(parsePublish('[::1]:5000:50', 'run')).toEqual({ hostIp: '::1', hostPort: '5000', containerPort: '50', protocol: 'tcp' })
  })
  it('refuses what docker refuses, with its words', () => {
    expect(() => parsePublish('abc', 'run')).toThrow(new FlagError("invalid containerPort: abc\n\nRun 'docker run --help' for more information"))
    expect(() => parsePublish('1:2:3:4', 'run')).toThrow(/^invalid IP address: 1:2\n/)
    expect(() => parsePublish('80/icmp', 'create')).toThrow(/^invalid proto: icmp\n\nRun 'docker create --help'/)
  })
})

describe('in process', () => {
  it('docker run -p 80 publishes container port 80 on a daemon-chosen host port', async () => {
    const shell = new Shell(new World({ seed: 1 }))
    await shell.run('docker pull alpine:3.20')
    const r = await shell.run('docker run -d --name pub -p 80 alpine:3.20 sleep infinity')
    expect(r.exitCode).toBe(0)
    shell.world.step(500)
    expect(shell.world.report().instances.find((i) => i.name === 'pub')?.ports).toEqual(['32768:80'])
  })

  it('docker events shows what happened earlier in the current second, and --since keeps its fraction', async () => {
    const shell = new Shell(new World({ seed: 1 }))
    shell.world.step(300)
    await shell.run('docker volume create early')
    shell.world.step(400)
    await shell.run('docker volume create late')
    const all = await shell.run('docker events')
    expect(all.stdout).toBe('2025-01-01T00:00:00.300000000Z volume create early (driver=local)\n2025-01-01T00:00:00.700000000Z volume create late (driver=local)\n')
    const since = await shell.run('docker events --since 2025-01-01T00:00:00.500Z')
    expect(since.stdout).toBe('2025-01-01T00:00:00.700000000Z volume create late (driver=local)\n')
    expect((await shell.run('docker events --since bogus')).stderr).toBe('failed to parse value as time or duration: "bogus"\n')
  })

  it('docker run pulls with the progress on stderr and no "Using default tag" or reference line; create prints bare errors', async () => {
    const shell = new Shell(new World({ seed: 1 }))
    const r = await shell.run('docker run -d busybox sleep infinity')
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toMatch(/^Unable to find image 'busybox:latest' locally\nlatest: Pulling from library\/busybox\n[^]*Status: Downloaded newer image for busybox:latest\n$/)
    const failed = await shell.run('docker run -d nosuch/thing')
    expect(failed.exitCode).toBe(125)
    expect(failed.stderr).toMatch(/^Unable to find image 'nosuch\/thing:latest' locally\ndocker: Error response from daemon: pull access denied for nosuch\/thing[^\n]*\n\nRun 'docker run --help' for more information\n$/)
    const create = await shell.run('docker create nosuch/thing')
    expect(create.exitCode).toBe(1)
    expect(create.stderr).toMatch(/^Unable to find image 'nosuch\/thing:latest' locally\nError response from daemon: pull access denied for nosuch\/thing[^\n]*\n$/)
  })

  it('inspect and rm errors read as docker 28 prints them', async () => {
    const shell = new Shell(new World({ seed: 1 }))
    expect(await shell.run('docker network inspect nosuch')).toMatchObject({ stdout: '[]\n', stderr: 'Error response from daemon: network nosuch not found\n', exitCode: 1 })
    expect(await shell.run('docker network rm nosuch')).toMatchObject({ stderr: 'Error response from daemon: network nosuch not found\nexit status 1\n', exitCode: 1 })
    expect(await shell.run('docker inspect --type container nosuch')).toMatchObject({ stdout: '[]\n', stderr: 'Error response from daemon: No such container: nosuch\n', exitCode: 1 })
    expect(await shell.run('docker rename nosuch other')).toMatchObject({ stderr: 'Error response from daemon: No such container: nosuch\nError: failed to rename container named nosuch\n', exitCode: 1 })
  })
})

it('unixTimestampText writes seconds.nanoseconds', () => {
  expect(unixTimestampText(Date.UTC(2025, 0, 1, 0, 0, 0, 250))).toBe('1735689600.250000000')
  expect(unixTimestampText(1000)).toBe('1.000000000')
})
