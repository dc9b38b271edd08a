// The Dockerfile editor: edit, save as a replayable `project write` line, build, and see the cache at work.
import { test, expect } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { openApp, pause, terminalText } from './support'

test('edit a Dockerfile, save and build it; an unchanged rebuild comes from the cache', async ({ page }) => {
  await openApp(page)
  await pause(page)
  await page.getByTestId('tab-dockerfile').click()
  await page.getByTestId('dockerfile-project').selectOption('recommender')
  const editor = page.getByTestId('dockerfile-editor')
  await expect(editor).toContainText('FROM python:3.12-slim')
  // the learner adds a label at the end of the file
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\nENV STAGE=lab')
  await page.getByTestId('dockerfile-tag').fill('recommender:lab')
  await page.getByTestId('dockerfile-build').click()
  await expect(page.getByTestId('dockerfile-status')).toContainText('Built recommender:lab', { timeout: 20_000 })
  const text = await terminalText(page)
  expect(text).toMatch(/project write recommender Dockerfile --base64 /)
  expect(text).toMatch(/Step 9\/9 : ENV STAGE=lab/)
  expect(text).toMatch(/Successfully tagged recommender:lab/)
  // building again changes nothing, so every step is cached
  await page.getByTestId('dockerfile-build').click()
  await expect(page.getByTestId('dockerfile-status')).toContainText('8 steps from the cache', { timeout: 20_000 })
  const axe = await new AxeBuilder({ page }).include('.insights').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})
