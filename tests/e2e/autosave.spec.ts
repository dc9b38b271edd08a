// Autosave: the sandbox survives a reload (IndexedDB in the browser), a lesson in progress too (without taking the
// sandbox's place), an older save format is migrated and a newer one left untouched, and a damaged save is set
// aside with a visible message instead of breaking the app.
import { expect, test } from '@playwright/test'
import { instance, jump, openApp, report, runLines, terminalText, type Report } from './support'
import type { Page } from '@playwright/test'

interface IdbRequest<T> { result: T; onsuccess: () => void; onerror: () => void }
interface IdbGlobals {
  indexedDB: {
    open(name: string, version: number): IdbRequest<{
      transaction(store: string, mode: string): { objectStore(store: string): { get(key: string): IdbRequest<unknown>; put(value: unknown, key: string): void }; oncomplete: () => void }
      close(): void
    }>
  }
}

interface Slot { schema: string; savedAt: string; payload: string }

/** The browser's autosave slot as stored, or null. */
async function readSlot(page: Page): Promise<Slot | null> {
  return page.evaluate(() => new Promise<Slot | null>((resolve) => {
    const request = (globalThis as unknown as IdbGlobals).indexedDB.open('stacklab', 1)
    request.onerror = () => resolve(null)
    request.onsuccess = () => {
      const get = request.result.transaction('autosave', 'readonly').objectStore('autosave').get('current')
      get.onerror = () => resolve(null)
      get.onsuccess = () => {
        request.result.close()
        resolve((get.result as Slot | undefined) ?? null)
      }
    }
  }))
}

async function writeSlot(page: Page, slot: Slot): Promise<void> {
  await page.evaluate((value) => new Promise<void>((resolve, reject) => {
    const request = (globalThis as unknown as IdbGlobals).indexedDB.open('stacklab', 1)
    request.onerror = () => reject(new Error('open failed'))
    request.onsuccess = () => {
      const tx = request.result.transaction('autosave', 'readwrite')
      tx.objectStore('autosave').put(value, 'current')
      tx.oncomplete = () => {
        request.result.close()
        resolve()
      }
    }
  }), slot)
}

/** The virtual time of the sandbox's world in the browser's autosave slot, or null. */
async function savedClockMs(page: Page): Promise<number | null> {
  const slot = await readSlot(page)
  if (!slot) return null
  const world = JSON.parse((JSON.parse(slot.payload) as { sandbox: { world: string } }).sandbox.world) as { clockMs: number }
  return world.clockMs
}

test('the sandbox is autosaved and restored on the next launch', async ({ page }) => {
  await openApp(page, { autosave: 'on', paused: '1' })
  await runLines(page, ['vm create keep --os alpine-3.20', 'vm start keep'])
  await jump(page, 10_000)
  const before: Report = await report(page)
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-status', 'saved', { timeout: 10_000 })
  await expect.poll(() => savedClockMs(page), { timeout: 10_000 }).toBe(before.clockMs)

  await openApp(page, { autosave: 'on', paused: '1' })
  await expect(page.getByTestId('notices')).toContainText('Restored your sandbox')
  const vm = await instance(page, 'vm', 'keep')
  expect(vm?.state).toBe('running')
  expect(vm?.startupMs).toBe(2435)
  expect((await report(page)).clockMs).toBe(before.clockMs)
  // the terminal history came back too
  await page.getByTestId('terminal-input').focus()
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => terminalText(page)).toMatch(/\$ vm start keep\s*$/)
})

test('a damaged autosave is set aside with a message, and the app starts fresh', async ({ page }) => {
  await openApp(page, { autosave: 'on' })
  // damage the slot the way a cut-short write would
  await writeSlot(page, { schema: 'stacklab.save/1', savedAt: new Date().toISOString(), payload: '{"schema":"stacklab.sandbox/2","sandbox":{"world":"{\\"hosts\\": [' })
  await openApp(page, { autosave: 'on' })
  await expect(page.getByTestId('notices')).toContainText('damaged')
  await expect(page.getByTestId('notices')).toContainText('set aside')
  expect((await report(page)).instances).toEqual([])
  await runLines(page, ['vm create fresh --os alpine-3.20'])
  expect((await instance(page, 'vm', 'fresh'))?.state).toBe('stopped')
})

test('a lesson in progress comes back after a reload, and the sandbox stays the learner\'s own', async ({ page }) => {
  await openApp(page, { autosave: 'on', paused: '1', learn: '1' })
  await runLines(page, ['vm create mine --os alpine-3.20'])
  await page.getByTestId('start-stack-layers').click()
  const player = page.getByTestId('lesson-player')
  await expect(player).toHaveAttribute('data-lesson', 'stack-layers')
  await page.getByTestId('run-step').click()
  await page.getByTestId('step-next').click()
  await page.getByTestId('run-step').click()
  await expect(page.getByTestId('objective-vm-own-kernel')).toHaveAttribute('data-met', 'true')
  await page.getByTestId('hint').click()
  const hint = await page.getByTestId('hints').innerText()
  // the save holds the learner's sandbox (with "mine") and the lesson separately
  await expect.poll(async () => {
    const slot = await readSlot(page)
    if (!slot) return null
    const p = JSON.parse(slot.payload) as { sandbox: { world: string }; lesson: { lesson: { id: string }; hints: number[]; log: unknown[]; ranSteps?: number[] } | null }
    return { sandboxHasMine: p.sandbox.world.includes('"mine"'), lesson: p.lesson?.lesson.id ?? null, hints: p.lesson?.hints.length ?? 0, ranSteps: p.lesson?.ranSteps ?? [] }
  }, { timeout: 10_000 }).toEqual({ sandboxHasMine: true, lesson: 'stack-layers', hints: 1, ranSteps: [0, 1] })

  await openApp(page, { autosave: 'on', paused: '1', learn: '1' })
  await expect(page.getByTestId('notices')).toContainText('Picked up')
  await expect(player).toHaveAttribute('data-lesson', 'stack-layers')
  await expect(page.getByTestId('step-card')).toHaveAttribute('data-step', '1')
  await expect(page.getByTestId('objective-vm-own-kernel')).toHaveAttribute('data-met', 'true')
  await expect(page.getByTestId('hints')).toHaveText(hint)
  // the steps run before the reload are still marked as run: their dots, and the shown step's "✓ Ran"
  const dots = page.locator('.stepper .dot')
  await expect(dots.nth(0)).toHaveClass(/\bran\b/)
  await expect(dots.nth(1)).toHaveClass(/\bran\b/)
  await expect(page.locator('.stepper .dot.ran')).toHaveCount(2)
  await expect(page.getByTestId('step-card').getByRole('status')).toContainText('✓')
  expect((await instance(page, 'vm', 'old-vm'))?.state).toBe('running')
  // leaving the lesson gives the stage back to the learner's sandbox
  await page.getByTestId('leave-lesson').click()
  expect((await instance(page, 'vm', 'mine'))?.state).toBe('stopped')
  expect(await instance(page, 'vm', 'old-vm')).toBeUndefined()
})

test('an older save format is migrated; a newer one is refused and left untouched', async ({ page }) => {
  // the first visit creates the browser's store; the second does not save, so nothing overwrites the slot below
  await openApp(page, { autosave: 'on', paused: '1' })
  await openApp(page, { autosave: 'off' })
  await runLines(page, ['vm create old --os alpine-3.20'])
  const world = await page.evaluate(() => (globalThis as unknown as { __stacklab: { controller: { world: { serialize(): string } } } }).__stacklab.controller.world.serialize())
  // format 1 kept the world at the top level, and sessions without endMs
  await writeSlot(page, {
    schema: 'stacklab.save/1', savedAt: new Date().toISOString(),
    payload: JSON.stringify({ schema: 'stacklab.sandbox/1', world, session: [{ atMs: 0, line: 'vm create old --os alpine-3.20' }], history: ['vm create old --os alpine-3.20'] })
  })
  await openApp(page, { autosave: 'on', paused: '1' })
  await expect(page.getByTestId('notices')).toContainText('converted from save format 1')

  expect((await instance(page, 'vm', 'old'))?.state).toBe('stopped')

  const newer: Slot = { schema: 'stacklab.save/1', savedAt: new Date().toISOString(), payload: JSON.stringify({ schema: 'stacklab.sandbox/3', future: true }) }
  await openApp(page, { autosave: 'off' })
  await writeSlot(page, newer)
  await openApp(page, { autosave: 'on', paused: '1' })
  await expect(page.getByTestId('notices')).toContainText('sandbox format 3')
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-status', 'off')
  await runLines(page, ['vm create later --os alpine-3.20'])
  await page.waitForTimeout(2500)
  expect(await readSlot(page)).toEqual(newer)
})
