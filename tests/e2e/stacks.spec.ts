// What a person does first: boot a VM and run a container, once through the dialogs and once through the
// terminal, and watch both stopwatches stop at the figures the simulation reports.
import { expect, test } from '@playwright/test'
import { instance, jump, type TestGlobals, openApp, sceneStopwatch, stopwatchText, terminalText, typeInTerminal } from './support'

test('the dialogs boot a VM and run a container; both stopwatches stop at the reported startupMs', async ({ page }) => {
  await openApp(page)

  // New VM, shaped like VirtualBox's wizard
  await page.getByTestId('open-new-vm').click()
  const vmDialog = page.getByTestId('new-vm-dialog')
  await expect(vmDialog.getByRole('heading', { name: 'New virtual machine' })).toBeVisible()
  await vmDialog.getByLabel('Name').fill('web-vm')
  await vmDialog.getByLabel('Operating system').selectOption('alpine-3.20')
  await vmDialog.getByTestId('vm-create').click()
  await expect(vmDialog).not.toBeVisible()
  await expect.poll(async () => (await instance(page, 'vm', 'web-vm'))?.state).toMatch(/starting|running/)

  // Run container, shaped like Docker Desktop's
  await page.getByTestId('open-run-container').click()
  const ctrDialog = page.getByTestId('run-container-dialog')
  await ctrDialog.getByLabel('Image').fill('nginx:1.27')
  await ctrDialog.getByLabel('Container name').fill('web')
  await ctrDialog.getByLabel('Memory limit (MiB)').fill('256')
  await expect(ctrDialog.locator('.command-preview')).toContainText('docker run -d --name web -p 8080:80 -m 256m nginx:1.27')
  await ctrDialog.getByTestId('ctr-run').click()
  await expect(ctrDialog).not.toBeVisible()

  // both lines went through the Shell: they are in the terminal
  await expect.poll(() => terminalText(page)).toContain('docker run -d --name web -p 8080:80 -m 256m nginx:1.27')
  expect(await terminalText(page)).toContain('vm start web-vm')

  // jump past both starts, then compare the stopwatches with the report
  await jump(page, 10_000)
  const vm = await instance(page, 'vm', 'web-vm')
  const ctr = await instance(page, 'container', 'web')
  expect(vm?.state).toBe('running')
  expect(ctr?.state).toBe('running')
  expect(vm?.startupMs).toBe(vm!.phases.reduce((s, p) => s + p.ms, 0))
  expect(ctr?.startupMs).toBeGreaterThan(0)
  await expect(page.getByTestId('stopwatch-vm-web-vm')).toHaveText(stopwatchText(vm!.startupMs!))
  await expect(page.getByTestId('stopwatch-container-web')).toHaveText(stopwatchText(ctr!.startupMs!))
  // the stage's own stopwatches (BitmapText on the canvas) say the same
  expect(await sceneStopwatch(page, 'web-vm')).toBe(stopwatchText(vm!.startupMs!))
  expect(await sceneStopwatch(page, 'web')).toBe(stopwatchText(ctr!.startupMs!))
  // and they stay stopped while time runs on
  await jump(page, 10_000)
  await expect(page.getByTestId('stopwatch-vm-web-vm')).toHaveText(stopwatchText(vm!.startupMs!))

  // the inspector shows the container's kernel and cgroup limit, each figure with its source
  await page.getByTestId('inspector-select').selectOption({ label: 'Container web' })
  const inspection = page.getByTestId('inspection-container-web')
  await expect(inspection).toContainText("The host's kernel: Linux 6.8, shared")
  await expect(inspection).toContainText('256 MiB')
  await expect(inspection.locator('.source-model').first()).toHaveText('model assumption')
  await expect(inspection).toContainText('PID 1')
})

test('the terminal boots a VM and runs a container, with history and tab completion', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await typeInTerminal(page, 'vm create t1 --os ubuntu-24.04 --memory 1g')
  await typeInTerminal(page, 'vm start t1')
  await expect.poll(async () => (await instance(page, 'vm', 't1'))?.state).toBe('starting')

  // mid-boot the stopwatch runs and names the phase
  await jump(page, 1000, 2)
  const booting = await instance(page, 'vm', 't1')
  expect(booting?.state).toBe('starting')
  await expect(page.getByTestId('stopwatch-vm-t1')).toHaveText('2,000 ms')
  expect(await sceneStopwatch(page, 't1')).toBe('2,000 ms')

  // tab completion: a command word, then an image name
  await page.getByTestId('terminal-input').focus()
  await page.keyboard.type('dock')
  await page.keyboard.press('Tab')
  await page.keyboard.type('run -d --name tweb red')
  await page.keyboard.press('Tab')
  await page.keyboard.type('7')
  await page.keyboard.press('Enter')
  await expect.poll(() => terminalText(page)).toContain('$ docker run -d --name tweb redis:7')
  await expect.poll(async () => (await instance(page, 'container', 'tweb'))?.state, { timeout: 15_000 }).toMatch(/starting|running/)

  // ↑ recalls the last line; Ctrl+C drops it
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => terminalText(page)).toMatch(/\$ docker run -d --name tweb redis:7\s*$/)
  expect(await page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.history())).toContain('docker run -d --name tweb redis:7')
  await page.keyboard.press('Control+c')

  await jump(page, 10_000)
  const vm = await instance(page, 'vm', 't1')
  const ctr = await instance(page, 'container', 'tweb')
  expect(vm?.startupMs).toBe(7935)
  await expect(page.getByTestId('stopwatch-vm-t1')).toHaveText(stopwatchText(vm!.startupMs!))
  await expect(page.getByTestId('stopwatch-container-tweb')).toHaveText(stopwatchText(ctr!.startupMs!))
  expect(await sceneStopwatch(page, 'tweb')).toBe(stopwatchText(ctr!.startupMs!))

  await typeInTerminal(page, 'docker ps')
  await expect.poll(() => terminalText(page)).toContain('redis:7')
})
