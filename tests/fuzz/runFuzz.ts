// `npm run fuzz -- --minutes N --seed S [--keyboard] [--replay LOG] [--save]`: fuzzes the web build in headless
// chromium. Without --seed a seed is drawn and printed. On a failure the seed and the action log go to
// test-results/fuzz-<seed>.json and the exit code is 1; --replay LOG runs such a log's actions again (same
// prelude, same viewport) and says whether the failure comes back. --save writes the log on success too.
// Several seeds: --seeds 1,2,3 runs them one after the other, --minutes each.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { launchChromium, newPage, openApp, ROOT, serveStatic, webFolder } from '../bench/renderPage.ts'
import { DEFAULT_PRELUDE, Fuzzer, fuzzFileName, parseFuzzLog, summarize, type FuzzLog, type FuzzMode } from './fuzzer.ts'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    seed: { type: 'string' },
    seeds: { type: 'string' },
    keyboard: { type: 'boolean', default: false },
    replay: { type: 'string' },
    save: { type: 'boolean', default: false },
    'reuse-build': { type: 'boolean', default: false },
    'keep-going': { type: 'boolean', default: false }
  },
  allowPositionals: false
})

async function fuzzOnce(baseUrl: string, seed: number, mode: FuzzMode, durationMs: number, replay: FuzzLog | null): Promise<FuzzLog> {
  const browser = await launchChromium()
  try {
    const page = await newPage(browser, replay?.viewport)
    const fuzzer = new Fuzzer(page, {
      seed, mode, durationMs, prelude: replay ? replay.prelude : [...DEFAULT_PRELUDE], stopOnFailure: !values['keep-going'],
      ...(replay ? { replay: replay.actions } : {})
    })
    fuzzer.watch()
    await openApp(page, baseUrl)
    return await fuzzer.run()
  } finally {
    await browser.close()
  }
}

function writeLog(log: FuzzLog): string {
  const dir = join(ROOT, 'test-results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, fuzzFileName(log.seed))
  writeFileSync(file, JSON.stringify(log, null, 1) + '\n')
  return file
}

async function main(): Promise<number> {
  const minutes = Number(values.minutes)
  if (!(minutes > 0)) throw new Error('--minutes takes a positive number')
  const replay = values.replay ? parseFuzzLog(readFileSync(values.replay, 'utf8')) : null
  const seeds = replay ? [replay.seed]
    : values.seeds ? values.seeds.split(',').map((s) => Number(s.trim()))
    : [values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31)]
  if (seeds.some((s) => !Number.isInteger(s))) throw new Error('seeds are whole numbers')
  const mode: FuzzMode = replay ? replay.mode : values.keyboard ? 'keyboard' : 'mixed'
  const folder = await webFolder(values['reuse-build'])
  const server = await serveStatic(folder.dir)
  let failed = 0
  try {
    for (const seed of seeds) {
      const label = replay ? `replaying ${values.replay} (${replay.actions.length} actions)` : `fuzzing seed ${seed} (${mode}) for ${minutes} min`
      process.stdout.write(`${label}…\n`)
      const log = await fuzzOnce(server.url, seed, mode, minutes * 60_000, replay)
      process.stdout.write(summarize(log) + '\n')
      if (log.failures.length) {
        failed++
        if (!replay) process.stdout.write(`  log: ${writeLog(log)}\n  replay: npm run fuzz -- --replay ${join('test-results', fuzzFileName(seed))}\n`)
        else process.stdout.write(`  the failure came back (first: ${log.failures[0]!.kind})\n`)
      } else {
        if (replay) process.stdout.write(`  the replay ran clean${replay.failures.length ? ` (the log had ${replay.failures.length} failures: timing-dependent?)` : ''}\n`)
        if (values.save && !replay) process.stdout.write(`  log: ${writeLog(log)}\n`)
      }
    }
  } finally {
    await server.close()
    folder.dispose()
  }
  return failed ? 1 : 0
}

main().then((code) => { process.exitCode = code }, (error: unknown) => {
  process.stderr.write(`fuzz failed to run: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exitCode = 2
})
