// The Engine API end to end: `startEngine` (a wall-clock world on 127.0.0.1, as `npm run engine` serves it) driven by
//  - the real docker CLI binary (skipped when none is installed), and
//  - src/cli's runDocker over HttpTransport (always),
// each through the same list of command lines (dockerCases.ts), once with the negotiated API version and once
// pinned to DOCKER_API_VERSION=1.41. Each runner gets a fresh engine; virtual time runs at 1× the wall clock.
import { afterAll, beforeAll, describe, it } from 'vitest'
import { startEngine } from '../../src/cli/serveEngine.ts'
import { DOCKER_CASES, type CaseEnv } from './dockerCases.ts'
import { findDocker, realDockerRunner, srcCliRunner, tempDir, type DockerRunner, type Engine } from './support.ts'

const DOCKER = findDocker()
if (!DOCKER) console.warn('[tests/integration/dockerCli] no docker CLI binary on this machine: the real-CLI runs are skipped; src/cli over HTTP still runs every case')

interface Runner { name: string; skip: string | null; make(port: number, home: string, apiVersion: string): DockerRunner }

const RUNNERS: Runner[] = [
  { name: 'real docker CLI', skip: DOCKER ? null : 'no docker binary on PATH or in /usr/local/bin', make: (port, home, v) => realDockerRunner(DOCKER!, port, home, v) },
  { name: 'src/cli over HTTP', skip: null, make: (port, _home, v) => srcCliRunner(port, v) }
]

describe.each(['', '1.41'])('DOCKER_API_VERSION=%s', (apiVersion) => {
  for (const runner of RUNNERS) {
    describe.skipIf(runner.skip !== null)(`${runner.name}${runner.skip ? ` (skipped: ${runner.skip})` : ''}`, () => {
      let engine: Engine
      let scratch: ReturnType<typeof tempDir>
      const env = {} as CaseEnv

      beforeAll(async () => {
        scratch = tempDir('stacklab-it-')
        engine = await startEngine({ port: 0, scenario: null, seed: 1 })
        Object.assign(env, {
          docker: runner.make(engine.port, scratch.path, apiVersion), world: engine.world, apiVersion, dir: scratch.path,
          startedIso: new Date().toISOString()
        } satisfies CaseEnv)
      })
      afterAll(async () => {
        await engine?.close()
        scratch?.remove()
      })

      for (const c of DOCKER_CASES) it(c.name, () => c.run(env))
    })
  }
})
