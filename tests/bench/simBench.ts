// The simulation benchmark: N instances on hosts sized to fit, fixed 100 ms ticks, wall time measured outside the
// simulation (which never reads a clock itself).
import { World, engine } from '../../src/sim/index.ts'

export interface SimFigures { instances: number; virtualMs: number; wallMs: number; speedup: number; peakHeapMb: number; msPerTick: number }

function setUp(instances: number): World {
  const world = new World({ seed: 1 })
  const vms = Math.round(instances / 11)
  const containers = instances - vms
  // hosts sized to fit: 1 GiB per container-host slot is plenty; VMs get 640 MiB each incl. overhead
  world.send({ type: 'host.set', name: 'vm-host', cores: Math.max(16, Math.ceil(vms / 4)), memoryMb: Math.max(65536, vms * 700 + 4096) })
  world.send({ type: 'host.set', name: 'container-host', cores: Math.max(16, Math.ceil(containers / 50)), memoryMb: Math.max(65536, containers * 16 + 4096), diskMb: 4_194_304 })
  for (let i = 0; i < vms; i++) {
    world.send({ type: 'vm.create', name: `vm${i}`, os: 'alpine-3.20', kind: 'full', docker: false, autostart: false })
    world.send({ type: 'vm.start', name: `vm${i}` })
  }
  const daemon = world.state.daemons.find((d) => d.id === 'container-host')!
  const spec = engine.findInRegistry('busybox:1.36')!.spec
  engine.addImage(daemon, engine.imageFromSpec(spec), 'busybox:1.36')
  for (let i = 0; i < containers; i++) {
    const created = engine.createContainer(world.core, daemon, {
      name: `c${i}`,
      config: { image: 'busybox:1.36', cmd: ['sleep', 'infinity'], entrypoint: null, env: [], tty: false, openStdin: false, attachStdout: false, attachStderr: false, exposedPorts: [], labels: {}, hostname: '', healthcheck: null },
      hostConfig: { memoryMb: null, cpus: null, cpuShares: 1024, pidsLimit: null, restartPolicy: 'no', maximumRetryCount: 0, privileged: false, networkMode: 'bridge', binds: [], portBindings: [], autoRemove: false, capAdd: [], capDrop: [] }
    })
    if (!created.ok) throw new Error(created.message)
    const c = engine.resolveContainer(daemon, created.value.id)!
    const started = engine.startContainer(world.core, daemon, c)
    if (!started.ok) throw new Error(started.message)
  }
  return world
}

export function runSim(instances: number, virtualMs: number): SimFigures {
  const world = setUp(instances)
  world.step(10_000) // boot everything before timing
  const running = world.report().instances.filter((i) => i.state === 'running').length
  if (running !== instances) throw new Error(`only ${running} of ${instances} instances running`)
  let peak = process.memoryUsage().heapUsed
  const ticks = virtualMs / 100
  const start = process.hrtime.bigint()
  for (let t = 0; t < ticks; t++) {
    world.step(100)
    if (t % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed)
  }
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  peak = Math.max(peak, process.memoryUsage().heapUsed)
  return { instances, virtualMs, wallMs: Math.round(wallMs), speedup: Math.round(virtualMs / wallMs), peakHeapMb: Math.round(peak / 1048576), msPerTick: Number((wallMs / ticks).toFixed(4)) }
}
