// The docker command lines the integration tests run, written once for both runners (the real docker CLI and
// src/cli over HTTP). The cases run in order against one fresh engine: later cases use what earlier ones made
// (the pulled alpine, the `appnet` network, the `web` container). Every case checks the exit code, what was
// printed, and that the world's report agrees.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { World } from '../../src/sim/index.ts'
import { delay, eventually, imageTags, instanceOf, stateOf, type CliResult, type DockerRunner } from './support.ts'

export interface CaseEnv {
  docker: DockerRunner
  world: World
  /** '' (negotiated: 1.50) or a pinned DOCKER_API_VERSION */
  apiVersion: string
  /** a scratch folder on disk (build contexts) */
  dir: string
  /** wall-clock ISO time before the first case ran (events --since) */
  startedIso: string
}

export interface DockerCase { name: string; run(env: CaseEnv): Promise<void> }

const daemonOf = (world: World) => world.state.daemons.find((d) => d.id === 'container-host')!

function show(r: CliResult): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`
}

/** Exit code 0, nothing on stderr unless allowed. */
function ok(r: CliResult, stderr: RegExp | '' = ''): CliResult {
  expect(r.code, show(r)).toBe(0)
  if (stderr === '') expect(r.stderr, show(r)).toBe('')
  else expect(r.stderr, show(r)).toMatch(stderr)
  return r
}

function failed(r: CliResult, code: number, stderr: RegExp): CliResult {
  expect(r.code, show(r)).toBe(code)
  expect(r.stderr, show(r)).toMatch(stderr)
  return r
}

/** The table row whose last column is `name`. */
function row(table: string, name: string): string | undefined {
  return table.split('\n').find((l) => l.trimEnd().endsWith(` ${name}`))
}

const PS_HEADER = /^CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES\n/
const ID64 = /^[0-9a-f]{64}\n$/

const running = (world: World, name: string) => stateOf(world, name, ['running'])

export const DOCKER_CASES: DockerCase[] = [
  {
    name: 'version shows the client and the simulated engine',
    async run({ docker, apiVersion }) {
      const r = ok(await docker(['version']))
      const client = apiVersion ? `${apiVersion} \\(downgraded from 1\\.50\\)` : '1\\.50'
      expect(r.stdout).toMatch(new RegExp(`^Client:\\n Version:\\s+28\\.2\\.2\\n API version:\\s+${client}\\n`))
      expect(r.stdout).toContain('\nServer: Docker Engine - Community\n Engine:\n  Version:          28.2.2\n  API version:      1.50 (minimum version 1.24)\n')
      expect(r.stdout).toContain('\n  OS/Arch:          linux/amd64\n  Experimental:     false\n containerd:\n')
    }
  },
  {
    name: 'info on an empty engine',
    async run({ docker, world }) {
      const r = ok(await docker(['info']))
      expect(r.stdout).toContain('\nServer:\n Containers: 0\n  Running: 0\n  Paused: 0\n  Stopped: 0\n Images: 0\n')
      expect(r.stdout).toContain('\n Plugins:\n  Volume: local\n')
      expect(r.stdout).toContain('\n Name: container-host\n')
      expect(r.stdout).toMatch(/\n Server Version: 28\.2\.2\n/)
      expect(r.stdout).toMatch(/\n OSType: linux\n/)
      expect(world.report().instances.filter((i) => i.kind === 'container')).toHaveLength(0)
    }
  },
  {
    name: 'pull, then pull again (up to date)',
    async run({ docker, world }) {
      const r = ok(await docker(['pull', 'alpine:3.20']))
      expect(r.stdout).toMatch(/^3\.20: Pulling from library\/alpine\n/)
      expect(r.stdout).toMatch(/\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for alpine:3\.20\ndocker\.io\/library\/alpine:3\.20\n$/)
      expect(r.stdout).not.toMatch(/Downloading|Extracting/) // progress bars are not printed without a TTY
      expect(imageTags(world)).toContain('alpine:3.20')
      const again = ok(await docker(['pull', 'alpine:3.20']))
      expect(again.stdout).toMatch(/Status: Image is up to date for alpine:3\.20\ndocker\.io\/library\/alpine:3\.20\n$/)
      failed(await docker(['pull', 'doesnotexist/nothing:1']), 1, /^Error response from daemon: pull access denied for doesnotexist\/nothing/)
    }
  },
  {
    name: 'images lists the pulled image with its id',
    async run({ docker, world }) {
      const r = ok(await docker(['images']))
      expect(r.stdout).toMatch(/^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE\n/)
      const image = daemonOf(world).images.find((i) => i.repoTags.includes('alpine:3.20'))!
      expect(r.stdout).toMatch(new RegExp(`\\nalpine\\s+3\\.20\\s+${image.id.slice(7, 19)}\\s+.+ ago\\s+7\\.8MB\\n`))
      const quiet = ok(await docker(['images', '-q']))
      expect(quiet.stdout).toBe(`${image.id.slice(7, 19)}\n`)
    }
  },
  {
    name: 'network create | ls',
    async run({ docker, world }) {
      const r = ok(await docker(['network', 'create', 'appnet']))
      expect(r.stdout).toMatch(ID64)
      const net = daemonOf(world).networks.find((n) => n.name === 'appnet')
      expect(net?.id).toBe(r.stdout.trim())
      const ls = ok(await docker(['network', 'ls']))
      expect(ls.stdout).toMatch(/^NETWORK ID\s+NAME\s+DRIVER\s+SCOPE\n/)
      expect(ls.stdout).toMatch(new RegExp(`\\n${net!.id.slice(0, 12)}\\s+appnet\\s+bridge\\s+local\\n`))
      expect(ls.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(/\s+/)[1])).toEqual(['appnet', 'bridge', 'host', 'none'])
      failed(await docker(['network', 'create', 'appnet']), 1, /^Error response from daemon: network with name appnet already exists\n/)
    }
  },
  {
    name: 'volume create | ls',
    async run({ docker, world }) {
      expect(ok(await docker(['volume', 'create', 'data'])).stdout).toBe('data\n')
      expect(daemonOf(world).volumes.map((v) => v.name)).toContain('data')
      const ls = ok(await docker(['volume', 'ls']))
      expect(ls.stdout).toMatch(/^DRIVER\s+VOLUME NAME\nlocal\s+data\n$/)
    }
  },
  {
    name: 'run -d with name, ports, limits, restart policy, env, volume, network and healthcheck',
    async run({ docker, world }) {
      const r = ok(await docker(['run', '-d', '--name', 'web', '-p', '8080:80', '--memory', '256m', '--cpus', '0.5', '--pids-limit', '100',
        '--restart', 'unless-stopped', '-e', 'GREETING=hello', '-v', 'data:/data', '--network', 'appnet',
        '--health-cmd', 'true', '--health-interval', '1s', 'alpine:3.20', 'sleep', 'infinity']))
      expect(r.stdout).toMatch(ID64)
      const web = await running(world, 'web')
      expect(daemonOf(world).containers.find((c) => c.name === 'web')?.id).toBe(r.stdout.trim())
      expect(web.limits).toEqual({ memoryMb: 256, cpus: 0.5, pids: 100 })
      expect(web.restartPolicy).toBe('unless-stopped')
      expect(web.ports).toEqual(['8080:80'])
      expect(web.networks).toEqual(['appnet'])
      expect(web.image).toBe('alpine:3.20')
      expect(web.exitCode).toBeNull()
      failed(await docker(['run', '-d', '--name', 'web', 'alpine:3.20', 'sleep', 'infinity']), 125,
        /^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n\nRun 'docker run --help' for more information\n$/)
    }
  },
  {
    name: 'run -d pulls an image that is missing',
    async run({ docker, world }) {
      expect(imageTags(world)).not.toContain('busybox:1.36')
      const r = ok(await docker(['run', '-d', '--name', 'auto', 'busybox:1.36', 'sleep', 'infinity']),
        /^Unable to find image 'busybox:1\.36' locally\n1\.36: Pulling from library\/busybox\n[^]*Status: Downloaded newer image for busybox:1\.36\n$/)
      expect(r.stdout).toMatch(ID64)
      expect(imageTags(world)).toContain('busybox:1.36')
      expect((await running(world, 'auto')).image).toBe('busybox:1.36')
    }
  },
  {
    name: 'ps lists the running containers with their ports',
    async run({ docker, world }) {
      const r = ok(await docker(['ps']))
      expect(r.stdout).toMatch(PS_HEADER)
      const web = row(r.stdout, 'web')
      expect(web, r.stdout).toMatch(/^[0-9a-f]{12}\s+alpine:3\.20\s+"sleep infinity"\s+.+ ago\s+Up .+\s+0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp\s+web$/)
      expect(row(r.stdout, 'auto')).toMatch(/^[0-9a-f]{12}\s+busybox:1\.36\s+"sleep infinity"/)
      const quiet = ok(await docker(['ps', '-q']))
      const running = world.report().instances.filter((i) => i.kind === 'container' && i.state === 'running')
      expect(quiet.stdout.split('\n').filter(Boolean).sort()).toEqual(
        running.map((i) => daemonOf(world).containers.find((c) => c.name === i.name)!.id.slice(0, 12)).sort())
    }
  },
  {
    name: 'run -d -p in every form (daemon-chosen, IP-bound, udp), and port',
    async run({ docker, world }) {
      ok(await docker(['run', '-d', '--name', 'multi', '-p', '80', '-p', '127.0.0.1::81', '-p', '9090:90/udp', 'alpine:3.20', 'sleep', 'infinity']))
      const multi = await running(world, 'multi')
      expect([...multi.ports].sort()).toEqual(['32768:80', '32769:81', '9090:90/udp'])
      expect(row(ok(await docker(['ps'])).stdout, 'multi')).toMatch(
        /\s0\.0\.0\.0:32768->80\/tcp, \[::\]:32768->80\/tcp, 127\.0\.0\.1:32769->81\/tcp, 0\.0\.0\.0:9090->90\/udp, \[::\]:9090->90\/udp\s+multi$/)
      const port = ok(await docker(['port', 'multi']))
      expect(port.stdout.split('\n').filter(Boolean).sort()).toEqual(['80/tcp -> 0.0.0.0:32768', '80/tcp -> [::]:32768', '81/tcp -> 127.0.0.1:32769', '90/udp -> 0.0.0.0:9090', '90/udp -> [::]:9090'])
      failed(await docker(['run', '-d', '-p', 'abc', 'alpine:3.20']), 125, /^docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n$/)
      expect(ok(await docker(['rm', '-f', 'multi'])).stdout).toBe('multi\n')
    }
  },
  {
    name: 'foreground run --rm prints the output and exits with the container',
    async run({ docker, world }) {
      const r = await docker(['run', '--rm', '--name', 'fg', 'alpine:3.20', 'sh', '-c', 'echo hi; exit 3'])
      expect(r, show(r)).toEqual({ code: 3, stdout: 'hi\n', stderr: '' })
      expect(instanceOf(world, 'fg')).toBeUndefined() // removed before `wait?condition=removed` answered
      const hello = await docker(['run', '--rm', 'alpine:3.20', 'echo', 'hello', 'world'])
      expect(hello, show(hello)).toEqual({ code: 0, stdout: 'hello world\n', stderr: '' })
      const kept = await docker(['run', '--name', 'once', 'alpine:3.20', 'sh', '-c', 'echo kept; exit 5'])
      expect(kept, show(kept)).toEqual({ code: 5, stdout: 'kept\n', stderr: '' })
      const once = instanceOf(world, 'once')
      expect([once?.state, once?.exitCode]).toEqual(['exited', 5])
      failed(await docker(['run', '--rm', 'alpine:3.20', 'nosuchcommand']), 127,
        /^docker: Error response from daemon: .*executable file not found in \$PATH.*\n\nRun 'docker run --help' for more information\n$/)
    }
  },
  {
    name: 'inspect a container, an image and something missing',
    async run({ docker, world }) {
      const r = ok(await docker(['inspect', 'web']))
      const [web] = JSON.parse(r.stdout) as { Id: string; Name: string; State: { Status: string; Running: boolean; OOMKilled: boolean }; HostConfig: Record<string, unknown>; Config: { Env: string[]; Tty: boolean }; NetworkSettings: { Networks: Record<string, unknown> } }[]
      expect(r.stdout.startsWith('[\n    {\n        "Id": "')).toBe(true) // the CLI's 4-space indent
      expect(web!.Id).toBe(daemonOf(world).containers.find((c) => c.name === 'web')!.id)
      expect(web!.Name).toBe('/web')
      expect(web!.State).toMatchObject({ Status: 'running', Running: true, OOMKilled: false })
      expect(web!.HostConfig).toMatchObject({ Memory: 268435456, NanoCpus: 500000000, PidsLimit: 100, RestartPolicy: { Name: 'unless-stopped' }, Binds: ['data:/data'], NetworkMode: 'appnet' })
      expect(web!.Config.Env).toContain('GREETING=hello')
      expect(Object.keys(web!.NetworkSettings.Networks)).toEqual(['appnet'])
      const f = ok(await docker(['inspect', '-f', '{{.State.Status}} {{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.RestartPolicy.Name}}', 'web']))
      expect(f.stdout).toBe('running 268435456 500000000 100 unless-stopped\n')
      const image = ok(await docker(['inspect', '-f', '{{.Id}}', 'alpine:3.20']))
      expect(image.stdout).toBe(`${daemonOf(world).images.find((i) => i.repoTags.includes('alpine:3.20'))!.id}\n`)
      const missing = failed(await docker(['inspect', 'nosuch']), 1, /^Error: No such object: nosuch\n$/)
      expect(missing.stdout).toBe('[]\n')
    }
  },
  {
    name: 'exec runs in the container and passes its exit code',
    async run({ docker }) {
      const r = await docker(['exec', 'web', 'sh', '-c', 'echo in; exit 4'])
      expect(r, show(r)).toEqual({ code: 4, stdout: 'in\n', stderr: '' })
      expect(ok(await docker(['exec', 'web', 'env'])).stdout).toMatch(/^GREETING=hello$/m)
      failed(await docker(['exec', 'nosuch', 'true']), 1, /^Error response from daemon: No such container: nosuch\n$/)
    }
  },
  {
    name: 'stats --no-stream shows the limits the world enforces',
    async run({ docker, world }) {
      const r = ok(await docker(['stats', '--no-stream']))
      expect(r.stdout).toMatch(/^CONTAINER ID\s+NAME\s+CPU %\s+MEM USAGE \/ LIMIT\s+MEM %\s+NET I\/O\s+BLOCK I\/O\s+PIDS\n/)
      const webRow = r.stdout.split('\n').find((l) => /\sweb\s/.test(l))
      expect(webRow, r.stdout).toMatch(/^[0-9a-f]{12}\s+web\s+\d+\.\d\d%\s+[\d.]+[KMG]i?B \/ 256MiB\s+\d+\.\d\d%\s+.+\s+\d+$/)
      const pids = Number(webRow!.trim().split(/\s+/).pop())
      expect(pids).toBe(instanceOf(world, 'web')!.pids)
      const one = ok(await docker(['stats', '--no-stream', 'web']))
      expect(one.stdout.trim().split('\n')).toHaveLength(2)
      // the 1 s healthcheck has run by now
      expect((await eventually(() => instanceOf(world, 'web')?.health === 'healthy' && instanceOf(world, 'web'), 'web to be healthy')).health).toBe('healthy')
      expect(row(ok(await docker(['ps'])).stdout, 'web')).toMatch(/Up .+ \(healthy\)/)
    }
  },
  {
    name: 'pause and unpause',
    async run({ docker, world }) {
      expect(ok(await docker(['pause', 'web'])).stdout).toBe('web\n')
      expect(instanceOf(world, 'web')?.state).toBe('paused')
      expect(row(ok(await docker(['ps'])).stdout, 'web')).toMatch(/Up .+ \(Paused\)/)
      failed(await docker(['pause', 'web']), 1, /^Error response from daemon: container [0-9a-f]{64} is already paused\n$/)
      expect(ok(await docker(['unpause', 'web'])).stdout).toBe('web\n')
      expect(instanceOf(world, 'web')?.state).toBe('running')
    }
  },
  {
    name: 'stop, start, restart and kill; ps -a shows the exited',
    async run(env) {
      const { docker, world } = env
      ok(await docker(['run', '-d', '--name', 'svc', 'alpine:3.20', 'sleep', 'infinity']))
      await running(world, 'svc')
      expect(ok(await docker(['stop', 'svc'])).stdout).toBe('svc\n')
      expect(instanceOf(world, 'svc')).toMatchObject({ state: 'exited', exitCode: 137 }) // sleep as PID 1 ignores SIGTERM
      expect(row(ok(await docker(['ps'])).stdout, 'svc')).toBeUndefined()
      expect(row(ok(await docker(['ps', '-a'])).stdout, 'svc')).toMatch(/\s+Exited \(137\) .+ ago\s+svc$/)
      expect(ok(await docker(['stop', 'svc'])).stdout).toBe('svc\n') // 304: already stopped still succeeds
      expect(ok(await docker(['start', 'svc'])).stdout).toBe('svc\n')
      await running(world, 'svc')
      expect(ok(await docker(['restart', 'svc'])).stdout).toBe('svc\n')
      await running(world, 'svc')
      expect(ok(await docker(['kill', 'svc'])).stdout).toBe('svc\n')
      expect(instanceOf(world, 'svc')).toMatchObject({ state: 'exited', exitCode: 137, oomKilled: false })
      failed(await docker(['kill', 'svc']), 1, /^Error response from daemon: cannot kill container: svc: container [0-9a-f]{64} is not running\n$/)
      failed(await docker(['start', 'nosuch']), 1, /^Error response from daemon: No such container: nosuch\nError: failed to start containers: nosuch\n$/)
    }
  },
  {
    name: 'logs, and logs -f until the container exits',
    async run(env) {
      const { docker, world } = env
      ok(await docker(['run', '-d', '--name', 'lg', 'alpine:3.20', 'sh', '-c', 'echo one; sleep 1; echo two; exit 2']))
      await running(world, 'lg')
      const started = Date.now()
      const r = ok(await docker(['logs', '-f', 'lg']))
      expect(r.stdout).toBe('one\ntwo\n')
      expect(Date.now() - started).toBeGreaterThan(300) // it followed: `two` came a second after `one`
      expect(instanceOf(world, 'lg')).toMatchObject({ state: 'exited', exitCode: 2 })
      expect(ok(await docker(['logs', 'lg'])).stdout).toBe('one\ntwo\n')
      expect(ok(await docker(['logs', '--tail', '1', 'lg'])).stdout).toBe('two\n')
      expect(row(ok(await docker(['ps', '-a'])).stdout, 'lg')).toMatch(/Exited \(2\) /)
      failed(await docker(['logs', 'nosuch']), 1, /^Error response from daemon: No such container: nosuch\n$/)
    }
  },
  {
    name: 'rm and rm -f',
    async run({ docker, world }) {
      expect(ok(await docker(['rm', 'svc', 'lg', 'once'])).stdout).toBe('svc\nlg\nonce\n')
      for (const name of ['svc', 'lg', 'once']) expect(instanceOf(world, name)).toBeUndefined()
      failed(await docker(['rm', 'web']), 1, /^Error response from daemon: cannot remove container "\/?web": container is running: stop the container before removing or force remove\n$/)
      expect(instanceOf(world, 'web')?.state).toBe('running')
      expect(ok(await docker(['rm', '-f', 'web', 'auto'])).stdout).toBe('web\nauto\n')
      expect(world.report().instances.filter((i) => i.kind === 'container')).toHaveLength(0)
      expect(ok(await docker(['ps', '-a'])).stdout).toMatch(new RegExp(PS_HEADER.source + '$'))
    }
  },
  {
    name: 'tag and rmi',
    async run({ docker, world }) {
      expect(ok(await docker(['tag', 'alpine:3.20', 'mine:v1'])).stdout).toBe('')
      expect(imageTags(world)).toContain('mine:v1')
      const alpineId = daemonOf(world).images.find((i) => i.repoTags.includes('alpine:3.20'))!.id.slice(7, 19)
      expect(ok(await docker(['images'])).stdout).toMatch(new RegExp(`\\nmine\\s+v1\\s+${alpineId}\\s`))
      expect(ok(await docker(['rmi', 'mine:v1'])).stdout).toBe('Untagged: mine:v1\n')
      expect(imageTags(world)).not.toContain('mine:v1')
      expect(imageTags(world)).toContain('alpine:3.20')
      const busybox = ok(await docker(['rmi', 'busybox:1.36']))
      expect(busybox.stdout).toMatch(/^Untagged: busybox:1\.36\nUntagged: busybox@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n/)
      expect(imageTags(world)).not.toContain('busybox:1.36')
      failed(await docker(['rmi', 'nosuch:1']), 1, /^Error response from daemon: No such image: nosuch:1\n$/)
    }
  },
  {
    name: 'build from a folder on disk, again from the cache, and run the image',
    async run({ docker, world, dir }) {
      const context = join(dir, 'app')
      mkdirSync(context, { recursive: true })
      writeFileSync(join(context, 'Dockerfile'), 'FROM alpine:3.20\nCOPY msg.txt /msg.txt\nCMD ["echo", "built by stacklab"]\n')
      writeFileSync(join(context, 'msg.txt'), 'hello from the build context\n')
      const legacy = /^DEPRECATED: The legacy builder is deprecated/
      const first = ok(await docker(['build', '-t', 'myapp:1', context]), legacy)
      // the real CLI ends this progress line with "\r\r\n"
      expect(first.stdout).toMatch(/^Sending build context to Docker daemon\s+\d[\d.]*[kM]?B\r*\n/)
      expect(first.stdout).toMatch(/\nStep 1\/3 : FROM alpine:3\.20\n ---> [0-9a-f]{12}\nStep 2\/3 : COPY msg\.txt \/msg\.txt\n ---> [0-9a-f]{12}\nStep 3\/3 : CMD \["echo", "built by stacklab"\]\n/)
      expect(first.stdout).toMatch(/\nSuccessfully built [0-9a-f]{12}\nSuccessfully tagged myapp:1\n$/)
      expect(first.stdout).not.toMatch(/Using cache/)
      expect(imageTags(world)).toContain('myapp:1')
      const second = ok(await docker(['build', '-t', 'myapp:1', context]), legacy)
      expect(second.stdout).toMatch(/Step 2\/3 : COPY msg\.txt \/msg\.txt\n ---> Using cache\n/)
      expect(second.stdout.match(/Successfully built ([0-9a-f]{12})/)?.[1]).toBe(first.stdout.match(/Successfully built ([0-9a-f]{12})/)?.[1])
      const built = daemonOf(world).images.find((i) => i.repoTags.includes('myapp:1'))!
      expect(first.stdout).toContain(`Successfully built ${built.id.slice(7, 19)}\n`)
      const run = await docker(['run', '--rm', 'myapp:1'])
      expect(run, show(run)).toEqual({ code: 0, stdout: 'built by stacklab\n', stderr: '' })
      const missing = await docker(['build', '-t', 'x:1', join(dir, 'no-such-folder')])
      expect(missing.code, show(missing)).toBe(1)
      expect(missing.stderr).toMatch(/unable to prepare context: path ".*no-such-folder" not found\n$/)
    }
  },
  {
    name: 'a memory leak past --memory is OOM-killed: Exited (137), OOMKilled true',
    async run(env) {
      const { docker, world } = env
      ok(await docker(['run', '-d', '--name', 'hog', '--memory', '64m', 'alpine:3.20', 'sleep', 'infinity']))
      await running(world, 'hog')
      expect(world.send({ type: 'fault', kind: 'leak', target: 'hog', rateMbPerS: 200 }).ok).toBe(true)
      const hog = await stateOf(world, 'hog', ['exited'])
      expect(hog).toMatchObject({ exitCode: 137, oomKilled: true, limits: { memoryMb: 64, cpus: null, pids: null } })
      expect(row(ok(await docker(['ps', '-a'])).stdout, 'hog')).toMatch(/\s+Exited \(137\) .+ ago\s+hog$/)
      expect(ok(await docker(['inspect', '-f', '{{.State.OOMKilled}} {{.State.ExitCode}} {{.State.Status}}', 'hog'])).stdout).toBe('true 137 exited\n')
    }
  },
  {
    name: 'system df counts what the world holds',
    async run({ docker, world }) {
      const r = ok(await docker(['system', 'df']))
      expect(r.stdout).toMatch(/^TYPE\s+TOTAL\s+ACTIVE\s+SIZE\s+RECLAIMABLE\n/)
      const d = daemonOf(world)
      const count = (label: string) => r.stdout.match(new RegExp(`^${label}\\s+(\\d+)\\s+(\\d+)\\s`, 'm'))?.slice(1).map(Number)
      expect(count('Images')).toEqual([d.images.length, new Set(d.containers.map((c) => c.imageId)).size])
      expect(count('Containers')).toEqual([d.containers.length, d.containers.filter((c) => c.state === 'running').length])
      expect(count('Local Volumes')).toEqual([d.volumes.length, 0])
      expect(r.stdout).toMatch(/\nBuild Cache\s+0\s+0\s+0B\s+0B\n$/)
      const byState = (st: string) => d.containers.filter((c) => c.state === st).length
      const info = ok(await docker(['info']))
      expect(info.stdout).toContain(`\n Containers: ${d.containers.length}\n  Running: ${byState('running')}\n  Paused: ${byState('paused')}\n  Stopped: ${byState('exited')}\n Images: ${d.images.length}\n`)
    }
  },
  {
    name: 'network rm and volume rm',
    async run({ docker, world }) {
      expect(ok(await docker(['rm', 'hog'])).stdout).toBe('hog\n')
      expect(ok(await docker(['network', 'rm', 'appnet'])).stdout).toBe('appnet\n')
      expect(daemonOf(world).networks.map((n) => n.name).sort()).toEqual(['bridge', 'host', 'none'])
      expect(ok(await docker(['network', 'ls'])).stdout).not.toMatch(/appnet/)
      // docker 28 ends a failed network rm with a bare StatusError: "exit status 1"
      failed(await docker(['network', 'rm', 'appnet']), 1, /^Error response from daemon: network appnet not found\nexit status 1\n$/)
      expect(ok(await docker(['volume', 'rm', 'data'])).stdout).toBe('data\n')
      expect(daemonOf(world).volumes).toEqual([])
      expect(ok(await docker(['volume', 'ls'])).stdout).toMatch(/^DRIVER\s+VOLUME NAME\n$/)
    }
  },
  {
    name: 'events --since/--until replays the log; a future --until streams live and then ends',
    async run({ docker, world, startedIso }) {
      await delay(100) // virtual time trails the wall clock by up to a timer tick
      const untilIso = new Date().toISOString()
      const clockAtUntil = world.clockMs // virtual time trails the wall clock, so every event so far is before `until`
      const r = ok(await docker(['events', '--since', startedIso, '--until', untilIso]))
      const lines = r.stdout.split('\n').filter(Boolean)
      const d = daemonOf(world)
      expect(lines.length).toBe(d.events.filter((e) => e.atMs <= clockAtUntil).length)
      for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z (container|image|network|volume) \S+ /)
      const times = lines.map((l) => l.slice(0, 30))
      expect([...times].sort()).toEqual(times)
      expect(times[0]! >= startedIso.slice(0, 23)).toBe(true)
      expect(r.stdout).toMatch(/ image pull sha256:[0-9a-f]{64} \(name=alpine:3\.20\)\n/)
      expect(r.stdout).toMatch(/ network create [0-9a-f]{64} \(name=appnet, type=bridge\)\n/)
      expect(r.stdout).toMatch(/ volume create data \(driver=local\)\n/)
      expect(r.stdout).toMatch(/ container create [0-9a-f]{64} \(image=alpine:3\.20, name=web\)\n/)
      expect(r.stdout).toMatch(/ container oom [0-9a-f]{64} \(image=alpine:3\.20, name=hog\)\n/)
      expect(r.stdout).toMatch(/ container die [0-9a-f]{64} \(exitCode=137, image=alpine:3\.20, name=hog\)\n/)
      expect(r.stdout).toMatch(/ container exec_die [0-9a-f]{64} \(execID=[0-9a-f]{64}, exitCode=4\)\n/)
      const svc = ok(await docker(['events', '--since', startedIso, '--until', untilIso, '--filter', 'container=svc', '--filter', 'event=die']))
      expect(svc.stdout.split('\n').filter(Boolean).map((l) => l.replace(/^\S+ /, '').replace(/ [0-9a-f]{64} /, ' ID '))).toEqual([
        'container die ID (exitCode=137, image=alpine:3.20, name=svc)', // stop
        'container die ID (exitCode=137, image=alpine:3.20, name=svc)', // restart
        'container die ID (exitCode=137, image=alpine:3.20, name=svc)' // kill
      ])
      // live: the stream stays open until `until` passes, and shows what happens meanwhile
      const from = new Date().toISOString()
      const started = Date.now()
      const live = docker(['events', '--since', from, '--until', new Date(started + 1_200).toISOString(), '--filter', 'type=volume'])
      await delay(300)
      ok(await docker(['volume', 'create', 'live1']))
      const l = ok(await live)
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
      expect(l.stdout).toMatch(/^\S+ volume create live1 \(driver=local\)\n$/)
      expect(ok(await docker(['volume', 'rm', 'live1'])).stdout).toBe('live1\n')
    }
  }
]
