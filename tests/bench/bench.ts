// `npm run bench [-- --json] [--quick] [--sim-only | --render-only]`: prints the simulation's speed and memory
// figures and the renderer's frame, heap, download and first-frame figures (not a timed test). --quick runs the
// render heap comparison over 20 s instead of 2 minutes.
import { runSim } from './simBench.ts'
import { renderLines, runRenderBench, type RenderFigures } from './renderBench.ts'

const json = process.argv.includes('--json')
const quick = process.argv.includes('--quick')
const simOnly = process.argv.includes('--sim-only')
const renderOnly = process.argv.includes('--render-only')
const log = (line: string) => { if (!json) process.stdout.write(line + '\n') }

const figures: { sim?: object; render?: RenderFigures } = {}

if (!renderOnly) {
  log('Stacklab benchmark — simulation core')
  const hour = runSim(1100, 3_600_000)
  log(`  ${hour.instances} instances (1,000 containers + 100 VMs), 1 h virtual in 100 ms ticks`)
  log(`  wall ${(hour.wallMs / 1000).toFixed(2)} s · ${hour.speedup}× real time · ${hour.msPerTick} ms/tick · peak heap ${hour.peakHeapMb} MB`)
  const scaling = [100, 1000, 10000].map((n) => runSim(n, 300_000)).map((r) => ({ instances: r.instances, msPerTick: r.msPerTick }))
  for (const s of scaling) log(`  ${String(s.instances).padStart(6)} instances, 5 min virtual: ${s.msPerTick} ms/tick`)
  const targets = hour.wallMs <= 10_000 && hour.speedup >= 360 && hour.peakHeapMb < 300
  log(`  targets (≤ 10 s for the hour, ≥ 360×, < 300 MB): ${targets ? 'met' : 'NOT met'}`)
  figures.sim = { instances: hour.instances, virtualMs: hour.virtualMs, wallMs: hour.wallMs, speedup: hour.speedup, peakHeapMb: hour.peakHeapMb, scaling }
}

async function main(): Promise<void> {
  if (!simOnly) {
    const render = await runRenderBench({ quick, log: (line) => log(line) })
    for (const line of renderLines(render)) log(line)
    figures.render = render
  }
  if (json) process.stdout.write(JSON.stringify(figures) + '\n')
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exitCode = 1
})
