// Projector mode, accessibility (axe finds no serious or critical violation, the stage is reachable by
// keyboard, the terminal lets the focus out), and the README screenshot.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { countColor, decodePng, jump, openApp, runLines, type TestGlobals } from './support'

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

test('projector mode switches to the high-contrast palette and back', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await runLines(page, ['vm create p --os alpine-3.20', 'vm start p', 'wait 5s'])
  await page.getByTestId('projector').click()
  await expect(page.getByTestId('projector')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('app')).toHaveAttribute('data-theme', 'projector')
  const palette = await page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.palette())
  expect(palette['name']).toBe('projector')
  await page.waitForTimeout(300)
  const shot = decodePng(await page.getByTestId('stage').locator('canvas').screenshot())
  // white background, Okabe–Ito blue kernels
  expect(countColor(shot, 0xffffff)).toBeGreaterThan(20_000)
  expect(countColor(shot, palette.kernel)).toBeGreaterThan(10_000)
  // larger type: the root font grows
  const fontSize = await page.evaluate(() => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string }; document: { documentElement: unknown } })
    .getComputedStyle((globalThis as unknown as { document: { documentElement: unknown } }).document.documentElement).fontSize)
  expect(fontSize).toBe('20px')
  expect(await seriousViolations(page)).toEqual([])
  // P toggles it back
  await page.getByRole('heading', { name: 'Inspector' }).click()
  await page.keyboard.press('p')
  await expect(page.getByTestId('app')).toHaveAttribute('data-theme', 'default')
})

test('axe finds no serious or critical violation, and every layer is reachable by keyboard', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await runLines(page, ['docker pull nginx:1.27', 'vm create a11y --os alpine-3.20', 'vm start a11y', 'docker run -d --name web nginx:1.27', 'wait 5s'])
  await page.getByTestId('inspector-select').selectOption({ label: 'VM a11y' })
  expect(await seriousViolations(page)).toEqual([])

  // the layer list mirrors the stage; focusing a layer shows its explanation over the canvas
  const kernel = page.locator('[data-testid=layer-list] button', { hasText: 'the one shared kernel' })
  await kernel.focus()
  await expect(page.getByTestId('stage-tooltip')).toContainText('Shared kernel')
  await expect(page.getByTestId('stage-tooltip')).toContainText('system calls')
  const vm = page.locator('[data-testid=layer-list] button', { hasText: 'VM a11y' })
  await expect(vm).toContainText('running, started in 2,435 ms')

  for (const tab of ['charts', 'events'] as const) {
    await page.getByTestId(`tab-${tab}`).click()
    expect(await seriousViolations(page)).toEqual([])
  }
  await page.getByTestId('open-new-vm').click()
  expect(await seriousViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await page.getByTestId('open-run-container').click()
  expect(await seriousViolations(page)).toEqual([])
})

test('the terminal keeps Tab for completion, and Escape then Tab or Shift+Tab leaves it (no keyboard trap)', async ({ page }) => {
  await openApp(page, { paused: '1' })
  const inTerminal = (): Promise<boolean> => page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document
    return doc.activeElement?.closest('.xterm') != null
  })
  const input = page.getByTestId('terminal-input')
  await input.focus()
  await page.keyboard.press('Tab')
  expect(await inTerminal()).toBe(true)
  for (const out of ['Tab', 'Shift+Tab']) {
    await input.focus()
    await page.keyboard.press('Escape')
    await page.keyboard.press(out)
    expect(await inTerminal(), `Escape then ${out}`).toBe(false)
  }
})

test('README screenshot at 1280×720', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await runLines(page, [
    'docker pull nginx:1.27', 'docker pull redis:7', 'docker pull postgres:16',
    'vm create ubuntu-vm --os ubuntu-24.04 --cpus 2 --memory 2g', 'vm start ubuntu-vm',
    'vm create alpine-vm --os alpine-3.20', 'vm start alpine-vm',
    'docker run -d --name web -p 8080:80 nginx:1.27', 'docker run -d --name cache -m 256m redis:7',
    'docker run -d --name db postgres:16', 'wait 4s',
    'vm create win --os windows-server-2022 --memory 4g', 'vm start win'
  ])
  await jump(page, 1000, 3)
  await page.getByTestId('inspector-select').selectOption({ label: 'Container web' })
  await page.getByRole('heading', { name: 'Inspector' }).click()
  await page.waitForTimeout(600)
  await page.screenshot({ path: 'docs/screenshot.png' })
})
