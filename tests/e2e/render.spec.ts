// The stage is really drawn: screenshot the canvas and count the pixels of the layers' known colours, with
// the default WebGL renderer and with ?renderer=canvas.
import { expect, test } from '@playwright/test'
import { countColor, decodePng, openApp, runLines, type TestGlobals } from './support'

for (const renderer of ['webgl', 'canvas'] as const) {
  test(`the ${renderer} renderer draws both stacks`, async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await openApp(page, { renderer, paused: '1' })
    expect(await page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.renderer())).toBe(renderer)
    await runLines(page, ['docker pull nginx:1.27', 'vm create a --os alpine-3.20', 'vm start a', 'docker run -d --name web nginx:1.27',
      'docker run -d --name cache redis:7', 'wait 5s'])
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.frames())).toBeGreaterThan(2)
    await page.waitForTimeout(300)
    const palette = await page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.palette())
    const shot = decodePng(await page.getByTestId('stage').locator('canvas').screenshot())
    const counts = {
      hardware: countColor(shot, palette.hardware),
      kernel: countColor(shot, palette.kernel),
      hypervisor: countColor(shot, palette.hypervisor),
      docker: countColor(shot, palette.docker),
      guestOs: countColor(shot, palette.guestOs),
      app: countColor(shot, palette.app)
    }
    // two hardware blocks, two host kernels and a guest kernel, the hypervisor and engine bars, the VM's OS,
    // the apps: thousands of pixels each
    expect(counts.hardware).toBeGreaterThan(10_000)
    expect(counts.kernel).toBeGreaterThan(10_000)
    expect(counts.hypervisor).toBeGreaterThan(5_000)
    expect(counts.docker).toBeGreaterThan(5_000)
    expect(counts.guestOs).toBeGreaterThan(1_000)
    expect(counts.app).toBeGreaterThan(2_000)
    expect(errors).toEqual([])
  })
}
