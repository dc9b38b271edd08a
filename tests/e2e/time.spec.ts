// The time controls: pause holds the clock, step moves it by a constant unit, speed and the keyboard
// shortcuts work, and none of the shortcuts fire while the person types in the terminal.
import { expect, test } from '@playwright/test'
import { instance, openApp, report, runLines, sceneStopwatch, stopwatchText } from './support'

/** Moves focus off any control, as a person clicking on an empty part of the page does. */
const blur = (page: import('@playwright/test').Page) => page.getByRole('heading', { name: 'Inspector' }).click()

const clock = async (page: import('@playwright/test').Page) => (await report(page)).clockMs

test('pause holds the clock; step, speed and the shortcuts move it', async ({ page }) => {
  await openApp(page)
  // it plays from the start
  const t0 = await clock(page)
  await expect.poll(() => clock(page)).toBeGreaterThan(t0)

  await page.getByTestId('play-pause').click()
  await expect(page.getByTestId('play-pause')).toContainText('Play')
  const held = await clock(page)
  await page.waitForTimeout(400)
  expect(await clock(page)).toBe(held)

  // step: the button, then → on the page, each by the chosen unit
  await page.getByTestId('step').click()
  expect(await clock(page)).toBe(held + 100)
  await page.getByTestId('step-size').selectOption('1000')
  await blur(page)
  await page.keyboard.press('ArrowRight')
  expect(await clock(page)).toBe(held + 1100)
  await expect(page.getByTestId('clock')).toContainText(/0:0\d\.\d/)

  // + and − change the speed; Space plays again
  await page.keyboard.press('+')
  await page.keyboard.press('+')
  await expect(page.getByTestId('speed')).toHaveValue('5')
  await page.keyboard.press('-')
  await expect(page.getByTestId('speed')).toHaveValue('2')
  await page.keyboard.press(' ')
  await expect(page.getByTestId('play-pause')).toContainText('Pause')
  await expect.poll(() => clock(page)).toBeGreaterThan(held + 1100)

  // typing in the terminal never triggers them
  await page.getByTestId('play-pause').click()
  const before = await clock(page)
  await page.getByTestId('terminal-input').focus()
  await page.keyboard.type(' +p')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('play-pause')).toContainText('Play')
  await expect(page.getByTestId('speed')).toHaveValue('2')
  await expect(page.getByTestId('app')).toHaveAttribute('data-theme', 'default')
  expect(await clock(page)).toBe(before)

  // the help dialog lists the shortcuts
  await blur(page)
  await page.keyboard.press('?')
  const help = page.getByTestId('help-dialog')
  await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible()
  await expect(help).toContainText('Alt+R')
  await page.keyboard.press('Escape')
  await expect(help).not.toBeVisible()
})

test('compressed timing speeds through a boot, but the stopwatch keeps the real figure', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('timing').click()
  await expect(page.getByTestId('timing')).toHaveAttribute('aria-checked', 'true')
  const started = Date.now()
  await runLines(page, ['vm create slow --os windows-server-2022', 'vm start slow'])
  // a 30 s Windows boot, at 1× speed, is over in a few real seconds
  await expect.poll(async () => (await instance(page, 'vm', 'slow'))?.state, { timeout: 20_000 }).toBe('running')
  expect(Date.now() - started).toBeLessThan(20_000)
  const vm = await instance(page, 'vm', 'slow')
  expect(vm?.startupMs).toBeGreaterThan(29_000)
  await expect(page.getByTestId('stopwatch-vm-slow')).toHaveText(stopwatchText(vm!.startupMs!))
  expect(await sceneStopwatch(page, 'slow')).toBe(stopwatchText(vm!.startupMs!))

  // Alt+R resets everything
  await blur(page)
  await page.keyboard.press('Alt+r')
  await expect.poll(async () => (await report(page)).instances.length).toBe(0)
})

test('checkpoint and rewind bring the whole world back', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await runLines(page, ['vm create before --os alpine-3.20', 'vm start before', 'wait 5s'])
  await expect(page.getByTestId('rewind')).toBeDisabled()
  await page.getByTestId('checkpoint').click()
  await expect(page.getByTestId('rewind')).toBeEnabled()
  const saved = await clock(page)
  await runLines(page, ['vm create after --os alpine-3.20', 'vm start after', 'fault panic before', 'wait 5s'])
  expect((await instance(page, 'vm', 'before'))?.state).toBe('crashed')
  await page.getByTestId('rewind').click()
  await expect.poll(async () => (await instance(page, 'vm', 'after'))?.state ?? 'gone').toBe('gone')
  expect((await instance(page, 'vm', 'before'))?.state).toBe('running')
  expect(await clock(page)).toBe(saved)
  await expect(page.getByTestId('stopwatch-vm-before')).toHaveText('2,435 ms')
})
