// `npm run soak -- --minutes N [--warmup S] [--census] [--diff] [--json] [--reuse-build]`: simulated classroom use of the web build in
// headless chromium for N minutes (default 10), then the post-GC heap, the Pixi display objects, the world's
// collections and the DOM counters against their values after the warm-up (default 60 s, or a sixth of the run
// when that is shorter, and in any case a full period of the script: SCRIPT_PERIOD rounds). Target: the app's heap
// data (the V8 heap less its compiled code, from heap snapshots at both points) and the counts within 10%, the whole
// heap within 25%. Exit code 1 when a bound is broken or the page logged an error. --census says what grew (heap by constructor, DOM by tag.class) between the two;
// --diff names the retainers holding the heap objects that are new since the warm-up (tests/soak/heapDiff.ts).
import { parseArgs } from 'node:util'
import { launchChromium, newPage, openApp, serveStatic, webFolder } from '../bench/renderPage.ts'
import { assertHooks } from '../bench/renderHooks.ts'
import { SCRIPT_PERIOD, outOfBounds, soak, soakLines } from './soak.ts'

/** The whole heap's bound, V8's compiled code included (see outOfBounds): wide enough for the JIT's warm-up, which
 * the soak measured at ×1.12–1.15 after 10 min while the app's data stayed within 1%, tight enough for a runaway. */
const TOTAL_HEAP_BOUND = 1.25

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    warmup: { type: 'string' },
    json: { type: 'boolean', default: false },
    census: { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
    'reuse-build': { type: 'boolean', default: false }
  }
})

async function main(): Promise<number> {
  const minutes = Number(values.minutes)
  if (!(minutes > 0)) throw new Error('--minutes takes a positive number')
  const durationMs = minutes * 60_000
  const warmupMs = values.warmup !== undefined ? Number(values.warmup) * 1000 : Math.min(60_000, durationMs / 6)
  const say = (line: string): void => { if (!values.json) process.stdout.write(line + '\n') }
  say(`soaking for ${minutes} min (warm-up ${Math.round(warmupMs / 1000)} s and ${SCRIPT_PERIOD} rounds at least)…`)
  const folder = await webFolder(values['reuse-build'])
  const server = await serveStatic(folder.dir)
  const browser = await launchChromium()
  try {
    const page = await newPage(browser)
    await openApp(page, server.url)
    await assertHooks(page)
    const cdp = await page.context().newCDPSession(page)
    const result = await soak(page, cdp, { durationMs, warmupMs, log: say, census: values.census, diff: values.diff, split: true })
    for (const line of soakLines(result)) say(line)
    const broken = outOfBounds(result, 1.1, 1.1, TOTAL_HEAP_BOUND)
    for (const b of broken) say(`  ✗ out of bounds: ${b}`)
    const target = `target (the app's heap data and the counts within 10%, the whole heap with compiled code within ${Math.round((TOTAL_HEAP_BOUND - 1) * 100)}%, no page errors)`
    say(`  ${target}: ${broken.length || result.errors.length ? 'NOT met' : 'met'}`)
    if (values.json) process.stdout.write(JSON.stringify({ soak: result, outOfBounds: broken }) + '\n')
    return broken.length || result.errors.length ? 1 : 0
  } finally {
    await browser.close()
    await server.close()
    folder.dispose()
  }
}

main().then((code) => { process.exitCode = code }, (error: unknown) => {
  process.stderr.write(`soak failed to run: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exitCode = 2
})
