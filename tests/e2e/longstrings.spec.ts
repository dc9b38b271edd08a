// Long strings (issue #6): German with every translated string doubled (?lang=de&longStrings=1), and each main
// surface in turn checked for layouts that break: the page never scrolls sideways, no text is cut off (unless it is
// deliberately truncated with an ellipsis and the full text in a title), no two controls in a row overlap, and no
// control sticks out of a panel that clips it, and no panel scrolls sideways. Plain German runs the same checks.
// One screenshot per surface goes to test-results.
import { expect, test, type Page } from '@playwright/test'
import { openApp, runLines } from './support'

/** The little of the DOM the check needs (tsconfig.node has no DOM lib). */
interface Box { left: number; right: number; top: number; bottom: number; width: number; height: number }
interface Style { overflowX: string; overflowY: string; textOverflow: string; position: string; display: string; visibility: string }
interface El {
  tagName: string
  id: string
  className: unknown
  children: ArrayLike<El>
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>
  parentElement: El | null
  textContent: string | null
  scrollWidth: number
  clientWidth: number
  getAttribute(name: string): string | null
  getBoundingClientRect(): Box
  checkVisibility(options?: Record<string, boolean>): boolean
  closest(selector: string): El | null
  contains(other: El): boolean
  querySelectorAll(selector: string): ArrayLike<El>
}
interface Win {
  innerWidth: number
  getComputedStyle(e: El): Style
  document: { documentElement: El; querySelectorAll(selector: string): ArrayLike<El> }
}

/** Runs the layout checks in the page over the given roots; returns the offenders, one line each. */
async function layoutProblems(page: Page, roots: string[]): Promise<string[]> {
  return page.evaluate((rootSelectors) => {
    const w = globalThis as unknown as Win
    const doc = w.document
    const problems: string[] = []
    const style = (e: El) => w.getComputedStyle(e)
    const text = (e: El) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()
    const short = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}…` : s)
    const name = (e: El) => {
      const testId = e.getAttribute('data-testid')
      const cls = typeof e.className === 'string' ? e.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : []
      return `${e.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${cls.map((c) => `.${c}`).join('')}`
    }
    const path = (e: El) => {
      const parts: string[] = []
      for (let at: El | null = e, n = 0; at && n < 4 && at !== doc.documentElement; at = at.parentElement, n++) {
        parts.unshift(name(at))
        if (at.getAttribute('data-testid')) break
      }
      return parts.join(' > ')
    }
    // what is out of scope: screen-reader-only text, the stage's canvas layer list, the terminal's xterm rows
    const ignored = (e: El) => e.closest('.sr-only, .layer-list, .xterm, [aria-hidden="true"]') !== null
    const visible = (e: El) => {
      if (!e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) || ignored(e)) return false
      const r = e.getBoundingClientRect()
      return r.width > 1 && r.height > 1 // 1 px: visually hidden
    }

    // (a) the page never scrolls sideways
    const pageWidth = doc.documentElement.scrollWidth
    if (pageWidth > w.innerWidth + 1) problems.push(`page scrolls horizontally: (${pageWidth}/${w.innerWidth})`)

    const roots = rootSelectors.flatMap((s) => Array.from(doc.querySelectorAll(s))).filter(visible)
    const within = (selector: string) => {
      const found = new Set<El>()
      for (const root of roots) {
        if ((root as unknown as { matches(s: string): boolean }).matches(selector)) found.add(root)
        for (const e of Array.from(root.querySelectorAll(selector))) found.add(e)
      }
      return [...found].filter(visible)
    }

    // (b) no text is cut: a deliberate ellipsis (on the element or up to two ancestors) needs the full text in a title
    const ownText = (e: El) => Array.from(e.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '')
    const truncatesWithTitle = (e: El) => {
      const full = text(e)
      let ellipsis = false
      let titled = false
      for (let at: El | null = e, n = 0; at && n <= 2; at = at.parentElement, n++) {
        const s = style(at)
        if (s.textOverflow === 'ellipsis' && s.overflowX !== 'visible') ellipsis = true
        const title = at.getAttribute('title')
        if (title && title.replace(/\s+/g, ' ').includes(full)) titled = true
      }
      return ellipsis && titled
    }
    for (const e of within('button, label, h1, h2, h3, h4, h5, h6, th, td, li, p, span, legend, summary, dt, dd, output, a')) {
      if (e.tagName === 'SPAN' ? !ownText(e) : text(e) === '') continue
      if (e.clientWidth === 0) continue // inline: no box of its own to overflow
      if (e.scrollWidth <= e.clientWidth + 1) continue
      if (truncatesWithTitle(e)) continue
      problems.push(`${path(e)}: ${short(text(e))} (${e.scrollWidth}/${e.clientWidth})`)
    }

    // (c) no two sibling controls in a toolbar or button row overlap
    const rows = within([
      '[role=toolbar]', '[role=group]', '[role=tablist]', '.toolbar', '.toolbar-group', '.row', '.dialog-actions', '.blast-actions',
      '.step-nav', '.compare-row', '.client-moves', '.help-topics', '.fault-grid', '.lab-target', '.requests-head', '.hop-stepper',
      '.dock-head', '.panel-head', '.stage-actions', '.export-line', '.lab-options', '.speed', '.course-head', '.timeline-head',
      '.event-head', '.scale-switch', '.blast-head', '.flash-actions', '.dockerfile-toolbar', '.chart-legend'
    ].join(', '))
    for (const row of rows) {
      const kids = Array.from(row.children).filter(visible)
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          const a = kids[i]!.getBoundingClientRect()
          const b = kids[j]!.getBoundingClientRect()
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left)
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
          if (x > 2 && y > 2) {
            problems.push(`${path(kids[i]!)} overlaps ${name(kids[j]!)}: ${short(text(kids[i]!))} | ${short(text(kids[j]!))} (${Math.round(x)}×${Math.round(y)} px)`)
          }
        }
      }
    }

    // (d) no control sticks out of the box that clips it (cut off, or out of reach): the nearest ancestor that
    // clips decides; one that scrolls on that axis is fine (the control can be scrolled to)
    for (const e of within('button, select, input:not([type=file]), [role=tab]')) {
      const r = e.getBoundingClientRect()
      for (let at = e.parentElement; at && at !== doc.documentElement; at = at.parentElement) {
        const s = style(at)
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue
        const c = at.getBoundingClientRect()
        const outX = (s.overflowX === 'hidden' || s.overflowX === 'clip') && (r.right > c.right + 1 || r.left < c.left - 1)
        const outY = (s.overflowY === 'hidden' || s.overflowY === 'clip') && (r.bottom > c.bottom + 1 || r.top < c.top - 1)
        if (outX || outY) {
          problems.push(`${path(e)}: ${short(text(e))} clipped by ${name(at)} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(c.left)}–${Math.round(c.right)})`)
        }
        break
      }
    }
    // (e) no panel that scrolls down also scrolls sideways (only the deliberate sideways scrollers may)
    const sideways = '.insights > .tabs, .table-wrap, pre, .exchange-body, .dockerfile-code, .cm-scroller, .chart-host'
    for (const e of within('*')) {
      const s = style(e)
      if (s.overflowX !== 'auto' && s.overflowX !== 'scroll') continue
      if (e.closest(sideways) || e.scrollWidth <= e.clientWidth + 1) continue
      problems.push(`${path(e)} scrolls sideways (${e.scrollWidth}/${e.clientWidth})`)
    }
    return problems
  }, roots)
}

// German with every string doubled (the mode of issue #6), and plain German, which must look good as it ships
for (const variant of [{ name: 'doubled German strings', longStrings: '1' }, { name: 'German', longStrings: '0' }]) {
  test(`${variant.name} break no layout`, async ({ page }) => {
    await openApp(page, { lang: 'de', longStrings: variant.longStrings, paused: '1' })
    await visitSurfaces(page, variant.longStrings === '1' ? 'long' : 'de')
  })
}

/** Visits the main surfaces one after another, screenshots each and checks its layout (softly: all are reported). */
async function visitSurfaces(page: Page, prefix: string): Promise<void> {
  await runLines(page, ['vm create a --os alpine-3.20', 'vm start a', 'docker run -d --name web nginx:1.27', 'wait 10s'])
  const seen = new Set<string>()
  const check = async (surface: string, roots: string[] = ['body']) => {
    await page.screenshot({ path: test.info().outputPath(`${prefix}-${surface}.png`) })
    const fresh = (await layoutProblems(page, roots)).filter((p) => !seen.has(p))
    for (const p of fresh) seen.add(p)
    expect.soft(fresh, `layout problems on ${surface}`).toEqual([])
  }
  const pick = async (testId: string, name: RegExp) => {
    const select = page.getByTestId(testId)
    const labels = await select.locator('option').allTextContents()
    const index = labels.findIndex((l) => name.test(l))
    expect(index, `${name} in ${testId}`).toBeGreaterThan(0)
    await select.selectOption({ index })
  }

  await check('toolbar')
  // the side column: the inspector with a VM, then a container
  await pick('inspector-select', /VM a\b/)
  await expect(page.getByTestId('inspection-vm-a')).toBeVisible()
  await check('inspector-vm')
  await pick('inspector-select', /web/)
  await expect(page.getByTestId('inspection-container-web')).toBeVisible()
  await check('inspector-container')
  // "Break it" with a target, then a fault's blast radius
  await page.getByTestId('side-tab-lab').click()
  const panel = page.getByTestId('fault-panel')
  await pick('lab-target-select', /web/)
  await expect(panel.getByTestId('fault-panic')).toBeEnabled()
  await check('fault-panel')
  await panel.getByTestId('fault-panic').click()
  await expect(panel.getByTestId('blast-caption')).toBeVisible()
  await check('fault-blast')
  await page.getByTestId('side-tab-inspector').click()

  // the insights tabs
  for (const tab of ['timeline', 'charts', 'events', 'requests', 'clients'] as const) {
    await page.getByTestId(`tab-${tab}`).click()
    if (tab === 'requests') await page.getByTestId('request-list').getByRole('option').first().click() // its hops open beside
    await check(`insights-${tab}`)
  }

  // the Learn dock: the course, a lesson, practice
  await page.getByTestId('learn-toggle').click()
  await expect(page.getByTestId('lesson-dock')).toBeVisible()
  await check('learn-course')
  await page.getByTestId('start-stack-layers').click()
  await expect(page.getByTestId('lesson-player')).toBeVisible()
  await check('learn-lesson')
  await page.getByTestId('dock-tab-practice').click()
  await expect(page.getByTestId('flashcard')).toBeVisible()
  await check('learn-practice')
  await page.getByTestId('dock-close').click()

  // the dialogs
  await page.locator('.toolbar-group.end > button.icon').click()
  await expect(page.getByTestId('help-dialog')).toBeVisible()
  await check('help', ['dialog[open]'])
  await page.keyboard.press('Escape')
  await page.getByTestId('open-new-vm').click()
  await expect(page.getByTestId('new-vm-dialog')).toBeVisible()
  await check('new-vm', ['dialog[open]'])
  await page.keyboard.press('Escape')
  await page.getByTestId('open-run-container').click()
  await expect(page.getByTestId('run-container-dialog')).toBeVisible()
  await check('run-container', ['dialog[open]'])
  await page.keyboard.press('Escape')
}
