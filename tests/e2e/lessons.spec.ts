// The lesson player, practice, workshops and languages, end to end in the web build: a whole lesson with a
// prediction and a hint; a flashcard; an ordering exercise solved with the keyboard only; an exercise file opened,
// its result exported and verified (and a malformed file refused); German; and axe on the lesson panel.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { jump, openApp, runLines, typeInTerminal } from './support'

const LESSONS = path.resolve(__dirname, '..', '..', 'assets', 'lessons')
const EXERCISE = path.join(LESSONS, 'exercises', 'contain-the-leak.json')
const STACK_LAYERS = JSON.parse(readFileSync(path.join(LESSONS, 'stack-layers.json'), 'utf8')) as {
  quiz: { answer: number }[]; ordering: { id: string; items: string[] }[]
}
const STACK_LAYERS_DE = JSON.parse(readFileSync(path.join(LESSONS, 'stack-layers.de.json'), 'utf8')) as { title: string }

async function choose(page: Page, scope: string, index: number): Promise<void> {
  await page.getByTestId(scope).getByRole('radio').nth(index).check()
}

test('a lesson from "start here" to complete, with a prediction and a hint', async ({ page }) => {
  await openApp(page, { learn: '1', paused: '1' })
  await expect(page.getByTestId('start-here')).toBeVisible()
  await page.getByTestId('start-here-go').click()
  const player = page.getByTestId('lesson-player')
  await expect(player).toHaveAttribute('data-lesson', 'stack-layers')
  const objective = (id: string) => page.getByTestId(`objective-${id}`)
  await expect(objective('vm-own-kernel')).toHaveAttribute('data-met', 'false')
  // the failing objective says why
  await expect(objective('vm-own-kernel')).toContainText('no VM named old-vm')

  // step 1 and 2: click to run (the lines land in the terminal)
  await page.getByTestId('run-step').click()
  await expect(page.getByText(/Ran: watch/)).toBeVisible()
  await page.getByTestId('step-next').click()
  await page.getByTestId('run-step').click()
  await expect(objective('vm-own-kernel')).toHaveAttribute('data-met', 'true')
  // screen readers hear what happened on the stage
  await expect(page.getByTestId('sim-narrator')).toContainText(/VM old-vm finished booting in \d+\.\d s/)

  // step 3: a prediction first; the commands wait for it
  await page.getByTestId('step-next').click()
  await expect(page.getByTestId('run-step')).toBeDisabled()
  await expect(page.getByTestId('predict-outcome')).toHaveCount(0)
  await choose(page, 'predict', 1) // 6.8: the wrong guess
  await page.getByTestId('predict-commit').click()
  const outcome = page.getByTestId('predict-outcome')
  await expect(outcome).toContainText('Not quite')
  await expect(outcome).toContainText('booted its own kernel')

  // a hint for what is left
  await page.getByTestId('hint').click()
  await expect(page.getByTestId('hints')).toContainText('sleep infinity')

  // step 4: predict right, then the container meets the second objective
  await page.getByTestId('step-next').click()
  await choose(page, 'predict', 1)
  await page.getByTestId('predict-commit').click()
  await expect(page.getByTestId('predict-outcome')).toContainText('Your prediction was right')
  // the container is still starting: let a few virtual seconds pass
  await jump(page, 10_000)
  await expect(objective('container-shared-kernel')).toHaveAttribute('data-met', 'true', { timeout: 15_000 })
  await expect(page.getByTestId('objectives')).toContainText('2 / 2')

  // the quiz closes the lesson
  await page.getByRole('button', { name: 'To the quiz' }).click()
  for (const [i, q] of STACK_LAYERS.quiz.entries()) {
    await choose(page, `quiz-${i}`, q.answer)
    await page.getByTestId(`quiz-${i}`).getByTestId('quiz-check').click()
  }
  await expect(page.getByTestId('quiz-score')).toContainText(`${STACK_LAYERS.quiz.length} of ${STACK_LAYERS.quiz.length}`)
  await expect(page.getByTestId('lesson-complete')).toBeVisible()
  await expect(page.getByTestId('next-lesson')).toContainText('boot race')

  // progress is kept: the course shows the lesson done, and the sandbox comes back
  await page.getByRole('button', { name: 'Back to the course' }).click()
  await expect(page.getByTestId('course-progress')).toHaveText('1 of 11 lessons done')
  await expect(page.getByTestId('course-stack-layers')).toHaveClass(/status-done/)
  await expect(page.getByTestId('start-here')).toHaveCount(0)
})

test('a flashcard flips and counts as known', async ({ page }) => {
  await openApp(page, { learn: '1', paused: '1' })
  await page.getByTestId('dock-tab-practice').click()
  const card = page.getByTestId('flashcard')
  await expect(card).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('flash-progress')).toContainText('0 known')
  await card.click()
  await expect(card).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('flash-back')).toBeVisible()
  await expect(card).toContainText('A VM packages a guest OS')
  await page.getByTestId('flash-knew').click()
  await expect(page.getByTestId('flash-progress')).toContainText('Card 2 of')
  await expect(page.getByTestId('flash-progress')).toContainText('1 known')
})

test('an ordering exercise solved with the keyboard only', async ({ page }) => {
  await openApp(page, { learn: '1', paused: '1' })
  await page.getByTestId('dock-tab-practice').click()
  await page.getByTestId('practice-tab-order').click()
  const wanted = STACK_LAYERS.ordering[0]!.items
  const items = page.getByTestId('order-item')
  await expect(items).toHaveCount(wanted.length)
  const texts = async () => (await items.locator('.order-text').allTextContents())
  expect(await texts()).not.toEqual(wanted)

  // keyboard only from here: focus the list, then Space / arrows / Space
  await items.first().focus()
  let at = 0
  for (let target = 0; target < wanted.length; target++) {
    const from = (await texts()).indexOf(wanted[target]!)
    for (; at < from; at++) await page.keyboard.press('ArrowDown')
    for (; at > from; at--) await page.keyboard.press('ArrowUp')
    // let focus settle on the item before acting on it (a loaded machine renders late)
    await expect(items.nth(from)).toBeFocused()
    if (from === target) continue
    await page.keyboard.press('Space')
    await expect(page.getByTestId('order-live')).toContainText(`Picked up ${wanted[target]}`)
    for (; at > target; at--) await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Space')
    await expect(page.getByTestId('order-live')).toHaveText(`${wanted[target]} dropped at position ${target + 1} of ${wanted.length}.`)
    await expect(items.nth(target)).toBeFocused()
  }
  expect(await texts()).toEqual(wanted)
  // the check button follows the list in the tab order
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('order-check')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('order-result')).toContainText('Solved')
  await expect(page.getByTestId('ordering-select').locator('option').first()).toContainText('✓')
})

test('an exercise file: a malformed one is refused, a good one played, exported and verified', async ({ page }) => {
  await openApp(page, { learn: '1', paused: '1' })
  // something in the learner's own sandbox, which a refused file must not touch
  await runLines(page, ['vm create mine --os alpine-3.20'])
  await page.getByTestId('dock-tab-workshop').click()

  // a malformed exercise: its problems are listed with the JSON path
  const broken = JSON.parse(readFileSync(EXERCISE, 'utf8')) as { steps: { text: string }[]; exercise: { hints: unknown } }
  broken.steps[0]!.text = ''
  broken.exercise.hints = 'yes'
  const brokenFile = test.info().outputPath('broken-exercise.json')
  writeFileSync(brokenFile, JSON.stringify(broken, null, 2))
  let chooser = page.waitForEvent('filechooser')
  await page.getByTestId('open-exercise').click()
  await (await chooser).setFiles(brokenFile)
  const rejected = page.getByTestId('exercise-rejected')
  await expect(rejected).toContainText('broken-exercise.json')
  await expect(rejected).toContainText('$.steps[0].text')
  await expect(rejected).toContainText('$.exercise.hints')
  expect(await page.evaluate(() => (globalThis as unknown as { __stacklab: { report(): { instances: { name: string }[] } } }).__stacklab.report().instances.map((i) => i.name))).toEqual(['mine'])

  // the real exercise
  chooser = page.waitForEvent('filechooser')
  await page.getByTestId('open-exercise').click()
  await (await chooser).setFiles(EXERCISE)
  await expect(page.getByTestId('exercise-bar')).toContainText('docker run')
  await expect(page.getByTestId('countdown')).toContainText('left')
  await expect(page.getByTestId('show-me')).toHaveCount(0)

  // a command the exercise does not allow is refused in the terminal
  await typeInTerminal(page, 'docker pull busybox:1.36')
  await expect(page.getByTestId('exercise-bar')).toContainText('does not allow')

  await runLines(page, ['docker rm -f web', 'docker run -d --name web --memory 256m nginx:1.27', 'wait 1s', 'fault leak web --rate 100m/s', 'wait 5s'])
  await expect(page.getByTestId('objective-contained')).toHaveAttribute('data-met', 'true')
  await expect(page.getByTestId('objective-neighbour-safe')).toHaveAttribute('data-met', 'true')

  // hand in: a JSON result and a printable HTML report
  await page.getByTestId('student-name').fill('Ada Lovelace')
  const both = new Promise<import('@playwright/test').Download[]>((resolve) => {
    const got: import('@playwright/test').Download[] = []
    page.on('download', (d) => { got.push(d); if (got.length === 2) resolve(got) })
  })
  await page.getByTestId('export-result').click()
  const [json, html] = await both
  expect(json!.suggestedFilename()).toBe('contain-the-leak-ada-lovelace.result.json')
  expect(html!.suggestedFilename()).toBe('contain-the-leak-ada-lovelace.result.html')
  const resultFile = test.info().outputPath('contain-the-leak-ada-lovelace.result.json')
  await json!.saveAs(resultFile)
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { student: string; objectives: { status: string }[]; log: { line: string }[] }
  expect(result.student).toBe('Ada Lovelace')
  expect(result.objectives.map((o) => o.status)).toEqual(['met', 'met'])
  expect(result.log.map((e) => e.line)).toContain('fault leak web --rate 100m/s')
  const htmlFile = test.info().outputPath('report.html')
  await html!.saveAs(htmlFile)
  expect(readFileSync(htmlFile, 'utf8')).toContain('Ada Lovelace')

  // verify it: replayed from the start world, every claim confirmed
  chooser = page.waitForEvent('filechooser')
  await page.getByTestId('verify-result').click()
  await (await chooser).setFiles(resultFile)
  const verification = page.getByTestId('verification')
  await expect(verification).toHaveAttribute('data-ok', 'true')
  await expect(verification).toContainText('Verified')
  await expect(verification).toContainText('2 of 2 objectives confirmed')

  // a tampered copy (a bigger memory limit than the log really had) is rejected, and the class table shows both
  const tampered = JSON.parse(readFileSync(resultFile, 'utf8')) as { student: string; log: { line: string }[] }
  tampered.student = 'Mallory'
  for (const entry of tampered.log) entry.line = entry.line.replace('--memory 256m', '--memory 512m')
  const tamperedFile = test.info().outputPath('mallory.result.json')
  writeFileSync(tamperedFile, JSON.stringify(tampered))
  await page.getByTestId('class-files').setInputFiles([resultFile, tamperedFile])
  const table = page.getByTestId('class-table')
  await expect(table.getByRole('row', { name: /Ada Lovelace/ })).toContainText('yes')
  await expect(table.getByRole('row', { name: /Mallory/ })).toContainText('rejected')

  // leaving the exercise gives the learner's sandbox back
  await page.getByTestId('leave-lesson').click()
  expect(await page.evaluate(() => (globalThis as unknown as { __stacklab: { report(): { instances: { name: string }[] } } }).__stacklab.report().instances.map((i) => i.name))).toEqual(['mine'])
})

test('the language switches to German, lessons included', async ({ page }) => {
  await openApp(page, { learn: '1', paused: '1' })
  await expect(page.getByTestId('learn-toggle')).toHaveText('Learn')
  await page.getByTestId('language').selectOption('de')
  await expect(page.getByTestId('learn-toggle')).toHaveText('Lernen')
  await expect(page.getByTestId('dock-tab-course')).toHaveText('Kurs')
  await expect(page.getByTestId('start-here')).toContainText('Hier anfangen')
  await expect(page.getByTestId('course-stack-layers')).toContainText(STACK_LAYERS_DE.title)
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  // a lesson without a translation says it is in English
  await expect(page.getByTestId('course-density')).toContainText('auf Englisch')
  await page.getByTestId('start-stack-layers').click()
  await expect(page.getByTestId('step-card')).toContainText('Schritt 1 von 6')
  // the choice is remembered
  await page.reload()
  await expect(page.getByTestId('learn-toggle')).toHaveText('Lernen')
})

test('presenter mode: launch options, the stage view and a demo stepped with PageDown', async ({ page }) => {
  await openApp(page, { lesson: 'boot-race', stage: '1', demo: '1', paused: '1' })
  await expect(page.locator('html')).toHaveAttribute('data-stage', 'true')
  await expect(page.locator('.side')).toBeHidden()
  await expect(page.getByTestId('step-card')).toHaveAttribute('data-step', '0')
  await page.keyboard.press('PageDown') // the room votes first
  await expect(page.getByTestId('predict-demo')).toBeVisible()
  await expect(page.getByTestId('predict-demo').locator('.outcome')).toHaveCount(0)
  await page.keyboard.press('PageDown') // then the commands run and the answer shows
  await expect(page.getByTestId('predict-demo').locator('.outcome')).toBeVisible()
  await expect(page.getByTestId('run-step')).toContainText('Run again')
  // keys typed in the terminal are the terminal's
  await page.getByTestId('terminal-input').focus()
  await page.keyboard.press('PageDown')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('step-card')).toHaveAttribute('data-step', '0')
  await page.getByTestId('step-card').locator('h4').click()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('step-card')).toHaveAttribute('data-step', '1')
})

test('axe finds no serious or critical problem on the lesson panel', async ({ page }) => {
  await openApp(page, { lesson: 'stack-layers', paused: '1' })
  await expect(page.getByTestId('lesson-player')).toBeVisible()
  await page.getByTestId('step-next').click()
  await page.getByTestId('step-next').click()
  await choose(page, 'predict', 0)
  for (const view of ['lesson', 'course', 'practice', 'workshop', 'present']) {
    await page.getByTestId(`dock-tab-${view}`).click()
    const results = await new AxeBuilder({ page }).include('[data-testid="lesson-dock"]').analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(bad.map((v) => `${view}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})
