// The path made visible: a docker command typed in the terminal becomes Engine API requests; the request list
// steps through the hops of one (the stage holds its packet there) and opens its request and response; and the
// terminal's CLI moved to a macOS laptop is drawn as such.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { countColor, decodePng, instance, openApp, terminalText, typeInTerminal, type TestGlobals } from './support'

/** Pixels of the packet's colour on the stage's canvas. */
async function packetPixels(page: Page): Promise<number> {
  const progress = await page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.palette()['progress'] as number)
  return countColor(decodePng(await page.getByTestId('stage').locator('canvas').screenshot()), progress, 6)
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

test('docker run in the terminal: step through the create request\'s hops, open it, and see the container', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await typeInTerminal(page, 'docker run -d --name web nginx:1.27')
  await expect.poll(() => terminalText(page)).toMatch(/\n[0-9a-f]{64}\r?\n/)

  await page.getByTestId('tab-requests').click()
  const list = page.getByTestId('request-list')
  // create (404: no image) → pull → create again → wait → start, as docker CLI 28 does
  await expect(list.getByRole('option')).toHaveCount(5)
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/^0:00\.0 POST \/containers\/create 404 Not Found from container-host$/)
  const create = list.getByRole('option', { name: /POST \/containers\/create 201 Created/ })
  await create.click()
  await expect(create).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('requests-pause')).toHaveText(/Resume live/)

  const hop = page.getByTestId('hop-label')
  await expect(hop).toContainText('Hop 1 of 8 · CLI on container-host')
  await expect(hop).toContainText('docker run -d --name web nginx:1.27')
  await page.getByTestId('hop-next').click()
  await expect(hop).toContainText('Hop 2 of 8 · REST API')
  await expect(hop).toContainText('unix:///var/run/docker.sock')
  // the keyboard steps too: → and ← in the list
  await list.focus()
  await page.keyboard.press('ArrowRight')
  await expect(hop).toContainText('Hop 3 of 8 · dockerd')
  await page.keyboard.press('ArrowRight')
  await expect(hop).toContainText('Hop 4 of 8 · containerd')
  await page.keyboard.press('ArrowRight')
  await expect(hop).toContainText('Hop 5 of 8 · runc')
  await page.keyboard.press('ArrowRight')
  await expect(hop).toContainText('Hop 6 of 8 · web')
  // held there, the packet and its route are drawn on the stage
  const held = await packetPixels(page)
  await page.keyboard.press('ArrowLeft')
  await expect(hop).toContainText('Hop 5 of 8 · runc')
  await page.getByTestId('hop-next').click()
  await page.getByTestId('hop-next').click()
  await expect(hop).toContainText('Hop 7 of 8 · dockerd (answer)')
  await expect(hop).toContainText('201 Created')

  // open the request and the response
  const request = page.getByTestId('request-part')
  await request.locator('summary').click()
  await expect(request).toHaveAttribute('open', '')
  // in-app requests carry the request itself now: the path as the CLI sent it, version prefix included
  await expect(request).toContainText('POST /v1.50/containers/create')
  await expect(request).toContainText('unix socket')
  const response = page.getByTestId('response-part')
  await response.locator('summary').click()
  await expect(response).toContainText('201 Created')
  await expect(response.locator('dd', { hasText: 'web' })).toHaveCount(1)

  // the container is in the world and on the stage
  expect((await instance(page, 'container', 'web'))?.state).toMatch(/starting|running/)
  await expect(page.locator('[data-testid=layer-list] button', { hasText: 'Container web' })).toHaveCount(1)
  expect(await seriousViolations(page)).toEqual([])

  // resume live: nothing new to animate, so the held packet and its route leave the stage (time is paused: the
  // rest of the picture is the same)
  await page.getByTestId('requests-pause').click()
  await expect(page.getByTestId('requests-pause')).toHaveText(/Pause packets/)
  await expect.poll(() => packetPixels(page)).toBeLessThan(held - 400)
})

test('client use laptop-macos with DOCKER_HOST=ssh:// draws the laptop client; the bridge needs the desktop app', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await expect(page.getByTestId('stage')).toHaveAttribute('data-client', 'CLI on container-host (unix socket)')
  await typeInTerminal(page, 'client use laptop-macos')
  await typeInTerminal(page, 'export DOCKER_HOST=ssh://me@container-host')
  await typeInTerminal(page, 'docker ps')
  await expect(page.getByTestId('stage')).toHaveAttribute('data-client', 'CLI on a macOS laptop → ssh → container-host')

  await page.getByTestId('tab-clients').click()
  const panel = page.getByTestId('client-panel')
  await expect(panel.getByTestId('client-label')).toHaveText('CLI on a macOS laptop → ssh → container-host')
  await expect(panel).toContainText('ssh://me@container-host')
  // in the browser the engine bridge is shown, off and disabled, with what to do instead
  await expect(page.getByTestId('engine-bridge-switch')).toBeDisabled()
  await expect(page.getByTestId('engine-bridge-switch')).toHaveAttribute('aria-checked', 'false')
  await expect(page.getByTestId('engine-bridge-unavailable')).toContainText('desktop app')
  await expect(page.getByTestId('engine-bridge-unavailable')).toContainText('npm run engine')
  expect(await seriousViolations(page)).toEqual([])

  await page.getByTestId('tab-requests').click()
  await expect(page.getByTestId('request-list').getByRole('option').last()).toHaveAccessibleName(/GET \/containers\/json 200 OK from macOS laptop$/)

  // Docker Desktop: the laptop with its hidden Linux VM under the daemon
  await page.getByTestId('tab-clients').click()
  await page.getByRole('button', { name: 'Docker Desktop' }).click()
  await expect(page.getByTestId('stage')).toHaveAttribute('data-client', 'Docker Desktop: CLI on the laptop → hidden Linux VM → dockerd')
})

/** What the preload exposes in the desktop app, faked in the page: main's side of the engine bridge is the test. */
declare const window: {
  stacklab: unknown
  __fakeMain: { sent: { kind: string; id: number; status?: number; body?: { type: string; text?: string } }[]; deliver: ((message: unknown) => void) | null }
}

test('desktop app: the engine bridge setting starts the bridge, shows the export line, and a real CLI\'s container appears', async ({ page }) => {
  await page.addInitScript(() => {
    const fake = { sent: [] as unknown[], deliver: null as ((message: unknown) => void) | null }
    ;(window as unknown as { __fakeMain: typeof fake }).__fakeMain = fake
    const cancelled = async () => ({ status: 'cancelled' })
    window.stacklab = {
      openTextFile: cancelled, saveTextFile: cancelled, savePng: cancelled,
      autosave: { read: async () => ({ status: 'none' }), write: async () => ({ status: 'saved', savedAt: '' }) },
      onMenuCommand: () => () => {},
      setLanguage: async () => undefined,
      engine: {
        start: async () => ({ state: 'listening', host: '127.0.0.1', port: 23751 }),
        stop: async () => ({ state: 'off' }),
        status: async () => ({ state: 'off' }),
        send: (message: unknown) => void fake.sent.push(message),
        onMessage: (callback: (message: unknown) => void) => {
          fake.deliver = callback
          return () => {
            fake.deliver = null
          }
        }
      }
    }
  })
  await openApp(page, { paused: '1' })
  await page.getByTestId('tab-clients').click()
  const toggle = page.getByTestId('engine-bridge-switch')
  await expect(toggle).toBeEnabled()
  await expect(toggle).toHaveAttribute('aria-checked', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('engine-export-line')).toHaveText('export DOCKER_HOST=tcp://127.0.0.1:23751')
  expect(await seriousViolations(page)).toEqual([])

  // main forwards what a real `docker run -d --name real nginx:1.27` sends (the image is already pulled)
  await page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.run('docker pull nginx:1.27'))
  const answers = await page.evaluate(() => {
    const body = btoa(JSON.stringify({ Image: 'nginx:1.27', Tty: false, HostConfig: {} }))
    const forward = (id: number, method: string, path: string, query: Record<string, string>, bodyBase64: string | null) =>
      window.__fakeMain.deliver?.({ kind: 'request', id, method, path, query, headers: bodyBase64 ? { 'content-type': 'application/json' } : {}, bodyBase64, upgrade: false })
    forward(1, 'HEAD', '/_ping', {}, null)
    forward(2, 'POST', '/v1.50/containers/create', { name: 'real' }, body)
    forward(3, 'POST', '/v1.50/containers/real/start', {}, null)
    return window.__fakeMain.sent.map((m) => `${m.id} ${m.kind} ${m.status ?? ''}`)
  })
  expect(answers).toEqual(['1 head 200', '2 head 201', '3 head 204'])
  expect((await instance(page, 'container', 'real'))?.state).toMatch(/starting|running/)
  await expect(page.locator('[data-testid=layer-list] button', { hasText: 'Container real' })).toHaveCount(1)

  // in the request list as the real CLI's, with its query and body
  await page.getByTestId('tab-requests').click()
  const row = page.getByTestId('request-list').getByRole('option', { name: /POST \/containers\/create 201 Created from real CLI/ })
  await row.click()
  await expect(page.getByTestId('hop-label')).toContainText('Hop 1 of 8 · a real docker CLI')
  const request = page.getByTestId('request-part')
  await request.locator('summary').click()
  await expect(request).toContainText('/v1.50/containers/create')
  await expect(request).toContainText('name=real')
  await expect(request).toContainText('Image: "nginx:1.27"')
  await page.getByTestId('response-part').locator('summary').click()
  await expect(page.getByTestId('response-part')).toContainText('Id: "')

  // switched off, the bridge stops answering
  await page.getByTestId('tab-clients').click()
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-checked', 'false')
  expect(await page.evaluate(() => window.__fakeMain.deliver)).toBeNull()
})

