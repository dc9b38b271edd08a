// Renders assets/icons/stacklab.svg to build/icon.png (512×512) for electron-builder, in Debian's chromium.
import { chromium } from '@playwright/test'
import { readFileSync } from 'node:fs'

const svg = readFileSync('assets/icons/stacklab.svg', 'utf8')
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 512, height: 512 } })
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
await page.screenshot({ path: 'build/icon.png', omitBackground: true, clip: { x: 0, y: 0, width: 512, height: 512 } })
await browser.close()
process.stdout.write('wrote build/icon.png\n')
