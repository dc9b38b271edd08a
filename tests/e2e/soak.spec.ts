// The soak smoke `npm test` runs: about 60 s of simulated classroom use (tests/soak/soak.ts), then the post-GC heap
// within 30% of the heap after a 15 s warm-up (two rounds at least: the long run's warm-up is a full period of the
// script, too long for a smoke), and the Pixi display objects, DOM nodes, listeners and the world's
// collections back within 20% of their warm-up values after a Reset all (a minute is too short for 10%: a few dozen
// DOM nodes of the event log and terminal swing either way). The long run with the 10% bounds is
// `npm run soak -- --minutes 10`.
import { expect, test } from '@playwright/test'
import { openApp } from './support'
import { outOfBounds, soak, soakLines } from '../soak/soak'

test('classroom use for 60 s: heap within 30%, object counts back within 20% after reset', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  await openApp(page)
  const cdp = await page.context().newCDPSession(page)
  const result = await soak(page, cdp, { durationMs: 60_000, warmupMs: 15_000, warmupRounds: 2 })
  const lines = soakLines(result)
  testInfo.annotations.push({ type: 'soak', description: `${result.rounds} lessons in ${result.durationS} s, heap ×${result.heapRatio}, Pixi objects ${result.deltas['pixiObjects']!.baseline} → ${result.deltas['pixiObjects']!.end}` })
  await testInfo.attach('soak.txt', { body: lines.join('\n'), contentType: 'text/plain' })
  expect(result.errors, lines.join('\n')).toEqual([])
  expect(result.cycles, 'a warm-up cycle and at least one more').toBeGreaterThanOrEqual(2)
  expect(outOfBounds(result, 1.3, 1.2), lines.join('\n')).toEqual([])
})
