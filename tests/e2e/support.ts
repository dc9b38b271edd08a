// Helpers shared by the web e2e specs: open the app with its test hooks, read the report, type into the
// terminal, and count the pixels of a colour in a PNG (decoded here with node:zlib, no extra dependency).
import { inflateSync } from 'node:zlib'
import { expect, type Page } from '@playwright/test'

/** What the app exposes with ?e2e=1 (src/renderer/src/app/testHooks.ts). tsconfig.node has no DOM lib, so
 *  page functions cast globalThis to this instead of naming window. */
export interface TestGlobals {
  __stacklab: {
    report(): Report
    run(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>
    stopwatch(name: string): string | null
    palette(): Record<string, unknown> & { background: number; hardware: number; kernel: number; hypervisor: number; docker: number; guestOs: number; app: number }
    renderer(): string | null
    frames(): number
    terminalText(): string
    history(): readonly string[]
  }
}

export interface ReportInstance { kind: string; name: string; state: string; startupMs: number | null; phases: { name: string; ms: number }[] }
export interface Report { clockMs: number; instances: ReportInstance[]; hosts: { name: string; memoryUsedMb: number }[] }

/** Opens the app with ?e2e=1 (test hooks) and waits until the stage has drawn. */
export async function openApp(page: Page, params: Record<string, string> = {}): Promise<void> {
  const query = new URLSearchParams({ e2e: '1', autosave: 'off', ...params })
  await page.goto(`./?${query.toString()}`)
  await expect(page.getByTestId('stage')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
}

export async function report(page: Page): Promise<Report> {
  return page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.report())
}

export async function instance(page: Page, kind: 'vm' | 'container', name: string): Promise<ReportInstance | undefined> {
  return (await report(page)).instances.find((i) => i.kind === kind && i.name === name)
}

/** The stopwatch text the stage and the panels show for a figure in ms. */
export function stopwatchText(ms: number): string {
  return `${ms.toLocaleString('en-US')} ms`
}

/** Types a line into the xterm terminal and presses Enter. */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.getByTestId('terminal-input').focus()
  await page.keyboard.type(line, { delay: 0 })
  await page.keyboard.press('Enter')
}

/** The terminal's whole scrollback (the DOM renders only the rows in view). */
export async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as TestGlobals).__stacklab.terminalText())
}

export async function pause(page: Page): Promise<void> {
  const button = page.getByTestId('play-pause')
  if ((await button.textContent())?.includes('Pause')) await button.click()
  await expect(button).toContainText('Play')
}

/** Pauses, sets the step size and steps once: a deterministic jump in virtual time. */
export async function jump(page: Page, stepMs: 100 | 1000 | 10_000, times = 1): Promise<void> {
  await pause(page)
  await page.getByTestId('step-size').selectOption(String(stepMs))
  for (let i = 0; i < times; i++) await page.getByTestId('step').click()
}

export interface DecodedPng { width: number; height: number; rgba: Uint8Array }

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
export function decodePng(png: Buffer): DecodedPng {
  let offset = 8
  let width = 0
  let height = 0
  let colorType = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('ascii', offset + 4, offset + 8)
    const data = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs are supported')
      colorType = data[9]!
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') break
    offset += 12 + length
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`)
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0
      let value = line[x]!
      if (filter === 1) value += left
      else if (filter === 2) value += up
      else if (filter === 3) value += (left + up) >> 1
      else if (filter === 4) {
        const p = left + up - upLeft
        const pa = Math.abs(p - left)
        const pb = Math.abs(p - up)
        const pc = Math.abs(p - upLeft)
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
      }
      pixels[y * stride + x] = value & 0xff
    }
  }
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    rgba[i * 4] = pixels[j]!
    rgba[i * 4 + 1] = pixels[j + 1]!
    rgba[i * 4 + 2] = pixels[j + 2]!
    rgba[i * 4 + 3] = channels === 4 ? pixels[j + 3]! : 255
  }
  return { width, height, rgba }
}

/** How many pixels are within `tolerance` of 0xrrggbb on every channel. */
export function countColor(image: DecodedPng, color: number, tolerance = 2): number {
  const r = (color >> 16) & 0xff
  const g = (color >> 8) & 0xff
  const b = color & 0xff
  let count = 0
  const { rgba } = image
  for (let i = 0; i < rgba.length; i += 4) {
    if (Math.abs(rgba[i]! - r) <= tolerance && Math.abs(rgba[i + 1]! - g) <= tolerance && Math.abs(rgba[i + 2]! - b) <= tolerance) count++
  }
  return count
}

export async function runLines(page: Page, lines: string[]): Promise<void> {
  await page.evaluate(async (all) => {
    for (const line of all) await (globalThis as unknown as TestGlobals).__stacklab.run(line)
  }, lines)
}

export async function sceneStopwatch(page: Page, name: string): Promise<string | null> {
  return page.evaluate((n) => (globalThis as unknown as TestGlobals).__stacklab.stopwatch(n), name)
}
