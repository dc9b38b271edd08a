import { fig } from './sources.ts'
import type { PhaseSpec } from './guestOses.ts'

/** Calibration §9 `container_start_phases_ms`; phase names are DESIGN.md's report contract. */
export const CONTAINER_PHASES: readonly PhaseSpec[] = [
  { name: 'api-call', ms: fig(20, 'model') },
  { name: 'create-snapshot', ms: fig(60, 'model') },
  { name: 'netns-veth', ms: fig(50, 'model') },
  { name: 'shim', ms: fig(30, 'model') },
  { name: 'runc-create', ms: fig(40, 'model') },
  { name: 'runc-start', ms: fig(10, 'docker-create-2018') }
]

export const CONTAINER_TIMING = {
  teardownMs: fig(300, 'model'),
  coldPageCacheExtraMs: fig(250, 'opscart-docker'),
  /** Docker creation time stays flat with the number of containers until memory runs out (LightVM §4) */
  msPerExistingContainer: fig(0, 'lightvm2017'),
  /** SIGTERM grace period before SIGKILL in `docker stop` (docker default 10 s); services here exit at once */
  serviceStopMs: fig(100, 'model'),
  /** pull: compressed MB / bandwidth + uncompressed MB / unpack speed */
  registryBandwidthMbPerS: fig(25, 'model'),
  unpackMbPerS: fig(80, 'model'),
  /** a build step's run time per MB of layer it writes */
  buildMsPerMb: fig(20, 'model')
} as const
