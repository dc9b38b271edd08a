// Files: save the session as a command file (a download in the browser), replay it through "Open
// scenario", and get the same instances; export the stage as a PNG.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { decodePng, jump, openApp, report, runLines, type Report } from './support'

const summary = (r: Report) => r.instances.map((i) => `${i.kind}:${i.name}:${i.state}:${i.startupMs}`).sort()

test('a saved session replays to the same instances', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await runLines(page, [
    'docker pull nginx:1.27',
    'vm create app-vm --os alpine-3.20 --memory 1g',
    'vm start app-vm',
    'docker run -d --name web -p 8080:80 nginx:1.27',
    'docker run -d --name job busybox:1.36 sh -c "exit 3"',
    'vm create spare --os ubuntu-24.04'
  ])
  await jump(page, 10_000)
  const before = await report(page)
  expect(summary(before)).toEqual([
    'container:job:exited:' + before.instances.find((i) => i.name === 'job')!.startupMs,
    'container:web:running:' + before.instances.find((i) => i.name === 'web')!.startupMs,
    'vm:app-vm:running:2435',
    'vm:spare:stopped:null'
  ])

  await page.getByTestId('file-menu').click()
  const downloadPromise = page.waitForEvent('download')
  await page.getByTestId('save-session').click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/^stacklab-session-\d+s\.txt$/)
  const file = test.info().outputPath('session.txt')
  await download.saveAs(file)
  const script = readFileSync(file, 'utf8')
  expect(script).toContain('vm start app-vm')
  expect(script).toMatch(/^wait \d+ms$/m)

  // reset, then open the file as a scenario
  await page.getByTestId('reset').click()
  await expect.poll(async () => (await report(page)).instances.length).toBe(0)
  await page.getByTestId('file-menu').click()
  const chooserPromise = page.waitForEvent('filechooser')
  await page.getByTestId('open-scenario').click()
  const chooser = await chooserPromise
  await chooser.setFiles(file)
  await expect(page.getByTestId('notices')).toContainText('Ran session.txt')
  const after = await report(page)
  expect(summary(after)).toEqual(summary(before))
  // and the stopwatch shows the same figure as before
  await expect(page.getByTestId('stopwatch-vm-app-vm')).toHaveText('2,435 ms')
})

test('the stage exports as a PNG picture', async ({ page }) => {
  await openApp(page)
  await runLines(page, ['vm create pic --os alpine-3.20', 'vm start pic', 'wait 5s'])
  await page.getByTestId('file-menu').click()
  const downloadPromise = page.waitForEvent('download')
  await page.getByTestId('export-png').click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/^stacklab-\d+s\.png$/)
  const file = test.info().outputPath('stage.png')
  await download.saveAs(file)
  const png = decodePng(readFileSync(file))
  const canvasBox = await page.getByTestId('stage').boundingBox()
  expect(png.width).toBe(Math.round(canvasBox!.width))
  // not a blank picture: the stage background and at least a few other colours
  const seen = new Set<number>()
  for (let i = 0; i < png.rgba.length; i += 4 * 97) seen.add((png.rgba[i]! << 16) | (png.rgba[i + 1]! << 8) | png.rgba[i + 2]!)
  expect(seen.size).toBeGreaterThan(20)
})
