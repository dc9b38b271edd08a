// The fuzz smoke `npm test` runs: three seeds, 20 s each, one of them through the keyboard alone. A failure
// writes the seed and the action log to test-results/fuzz-<seed>.json; `npm run fuzz -- --replay <that file>`
// runs it again. Long runs: `npm run fuzz -- --minutes N --seed S`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openApp } from './support'
import { DEFAULT_PRELUDE, Fuzzer, fuzzFileName, summarize, type FuzzMode } from '../fuzz/fuzzer'

const SMOKE_MS = 20_000
const SEEDS: { seed: number; mode: FuzzMode }[] = [
  { seed: 101, mode: 'mixed' },
  { seed: 202, mode: 'mixed' },
  { seed: 303, mode: 'keyboard' }
]

for (const { seed, mode } of SEEDS) {
  test(`fuzz seed ${seed} (${mode}) for 20 s: no page error, console error or broken invariant`, async ({ page }, testInfo) => {
    test.setTimeout(SMOKE_MS + 45_000)
    const fuzzer = new Fuzzer(page, { seed, mode, durationMs: SMOKE_MS, prelude: [...DEFAULT_PRELUDE] })
    fuzzer.watch()
    await openApp(page)
    const log = await fuzzer.run()
    const summary = summarize(log)
    testInfo.annotations.push({ type: 'fuzz', description: summary.split('\n')[0]! })
    for (const note of log.notes.slice(0, 5)) testInfo.annotations.push({ type: 'fuzz note', description: note })
    if (log.failures.length) {
      const dir = join(testInfo.project.outputDir || 'test-results')
      mkdirSync(dir, { recursive: true })
      const file = join(dir, fuzzFileName(seed))
      writeFileSync(file, JSON.stringify(log, null, 1) + '\n')
      await testInfo.attach(fuzzFileName(seed), { path: file, contentType: 'application/json' })
      throw new Error(`${summary}\nlog: ${file}\nreplay: npm run fuzz -- --replay ${file}`)
    }
    expect(log.actions.length).toBeGreaterThan(20)
    expect(log.invariantChecks).toBeGreaterThan(2)
  })
}
