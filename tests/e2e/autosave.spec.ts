// Autosave: the sandbox survives a reload (IndexedDB in the browser), and a damaged save is set aside with
// a visible message instead of breaking the app.
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

/** The virtual time of the world in the browser's autosave slot, or null. */
async function savedClockMs(page: Page): Promise<number | null> {
  return page.evaluate(() => new Promise<number | null>((resolve) => {
    const request = (globalThis as unknown as IdbGlobals).indexedDB.open('stacklab', 1)
    request.onerror = () => resolve(null)
    request.onsuccess = () => {
      const get = request.result.transaction('autosave', 'readonly').objectStore('autosave').get('current')
      get.onerror = () => resolve(null)
      get.onsuccess = () => {
        request.result.close()
        const stored = get.result as { payload?: string } | undefined
        if (!stored?.payload) return resolve(null)
        const world = JSON.parse(JSON.parse(stored.payload).world) as { clockMs: number }
        resolve(world.clockMs)
      }
    }
  }))
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
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const request = (globalThis as unknown as IdbGlobals).indexedDB.open('stacklab', 1)
    request.onerror = () => reject(new Error('open failed'))
    request.onsuccess = () => {
      const tx = request.result.transaction('autosave', 'readwrite')
      tx.objectStore('autosave').put({ schema: 'stacklab.save/1', savedAt: new Date().toISOString(), payload: '{"schema":"stacklab.sandbox/1","world":"{\\"hosts\\": [' }, 'current')
      tx.oncomplete = () => {
        request.result.close()
        resolve()
      }
    }
  }))
  await openApp(page, { autosave: 'on' })
  await expect(page.getByTestId('notices')).toContainText('damaged')
  await expect(page.getByTestId('notices')).toContainText('set aside')
  expect((await report(page)).instances).toEqual([])
  await runLines(page, ['vm create fresh --os alpine-3.20'])
  expect((await instance(page, 'vm', 'fresh'))?.state).toBe('stopped')
})
