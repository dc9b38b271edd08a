// The terminal: xterm.js with a small line editor in front of the Shell. ↑/↓ walk the history, Tab completes
// commands and names, Ctrl+C drops the line, Ctrl+L clears. Lines typed by the dialogs or a scenario appear
// here too, so the terminal shows everything that was done.
// xterm.js is not needed for the first frame (the stage): it loads as a separate chunk when the panel mounts, and
// the panel says so meanwhile; lines run in that moment are kept and shown once it is up. Its stylesheet stays in
// the page's CSS, so the terminal is never drawn unstyled.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ITheme, Terminal } from '@xterm/xterm'
import type { FitAddon } from '@xterm/addon-fit'
import '@xterm/xterm/css/xterm.css'
import type { ShellResult, TranscriptEntry, UiController } from './types'
import { useController, useSnapshot } from './useController'
import { complete } from './completion'
import { t as translate } from '../i18n'

/** Keys that only modify the next one: pressing them is not a key of its own for the Escape-then-Tab way out. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock'])

const PROMPT = '\x1b[1;32m$\x1b[0m '
const PROMPT_LENGTH = 2

// every ANSI colour readable on its background (WCAG AA, 4.5:1)
const DARK: ITheme = {
  background: '#0b1220', foreground: '#e5e9f0', cursor: '#facc15', cursorAccent: '#0b1220', selectionBackground: '#334155',
  black: '#9aa4b4', brightBlack: '#9aa4b4', red: '#ff7b7b', brightRed: '#ff9b9b', green: '#4ade80', brightGreen: '#86efac',
  yellow: '#facc15', brightYellow: '#fde68a', blue: '#7cb3ff', brightBlue: '#a5c8ff', magenta: '#e49cf5', brightMagenta: '#f0bdfa',
  cyan: '#5ed3f3', brightCyan: '#a5e9fa', white: '#e5e9f0', brightWhite: '#ffffff'
}
const LIGHT: ITheme = {
  background: '#ffffff', foreground: '#000000', cursor: '#000000', cursorAccent: '#ffffff', selectionBackground: '#cccccc',
  black: '#000000', brightBlack: '#444444', red: '#a40000', brightRed: '#a40000', green: '#006b3c', brightGreen: '#006b3c',
  yellow: '#6b5000', brightYellow: '#6b5000', blue: '#00468c', brightBlue: '#00468c', magenta: '#7a1f5c', brightMagenta: '#7a1f5c',
  cyan: '#005a66', brightCyan: '#005a66', white: '#333333', brightWhite: '#000000'
}

/** The greeting, in the UI language at the time the terminal opens (the commands stay as typed). */
function welcome(): string {
  const bold = { b: '\x1b[1m', r: '\x1b[0m' }
  const cmd = (line: string) => `\x1b[36m${line}\x1b[0m`
  return [
    translate('panels.terminal.welcomeTitle', bold),
    translate('panels.terminal.welcomeTry', { run: cmd('docker run -d --name web -p 8080:80 nginx:1.27') }),
    translate('panels.terminal.welcomeOr', { create: cmd('vm create vm1 --os alpine-3.20'), start: cmd('vm start vm1') }),
    ''
  ].join('\r\n')
}

class LineEditor {
  private buffer = ''
  private cursor = 0
  private shownCursor = 0
  private historyIndex: number | null = null
  private draft = ''
  private running = false
  private queue: { line: string; echoed: boolean }[] = []
  private lastTabAt = 0

  constructor(private readonly term: Terminal, private readonly controller: UiController) {}

  start(): void {
    this.term.write(welcome())
    this.prompt()
  }

  dispose(): void {
    this.queue = []
  }

  handleData(data: string): void {
    if (data.length > 1 && !data.startsWith('\x1b') && /[\r\n]/.test(data)) {
      // a paste with newlines: run each line in turn
      const lines = data.replace(/\r\n?/g, '\n').split('\n')
      const last = lines.pop() ?? ''
      const first = lines.shift()
      if (first !== undefined) {
        this.buffer = this.buffer.slice(0, this.cursor) + first + this.buffer.slice(this.cursor)
        this.cursor = this.buffer.length
        this.redraw()
        this.submit()
      }
      for (const line of lines) this.queue.push({ line, echoed: false })
      this.buffer = last
      this.cursor = last.length
      if (!this.running) void this.drain()
      return
    }
    switch (data) {
      case '\r': this.submit(); return
      case '\x7f': case '\b':
        if (this.cursor > 0) {
          this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor)
          this.cursor--
          this.redraw()
        }
        return
      case '\x1b[3~':
        if (this.cursor < this.buffer.length) {
          this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1)
          this.redraw()
        }
        return
      case '\x1b[D': if (this.cursor > 0) { this.cursor--; this.redraw() } return
      case '\x1b[C': if (this.cursor < this.buffer.length) { this.cursor++; this.redraw() } return
      case '\x1b[H': case '\x1bOH': case '\x01': this.cursor = 0; this.redraw(); return
      case '\x1b[F': case '\x1bOF': case '\x05': this.cursor = this.buffer.length; this.redraw(); return
      case '\x1b[A': this.historyStep(-1); return
      case '\x1b[B': this.historyStep(1); return
      case '\x15': this.buffer = this.buffer.slice(this.cursor); this.cursor = 0; this.redraw(); return
      case '\x0b': this.buffer = this.buffer.slice(0, this.cursor); this.redraw(); return
      case '\x03':
        this.moveToEnd()
        this.term.write('^C\r\n')
        this.buffer = ''
        this.cursor = 0
        this.historyIndex = null
        if (!this.running) this.prompt()
        return
      case '\x0c':
        this.term.clear()
        this.redraw()
        return
      case '\t': this.tab(); return
    }
    if (data.startsWith('\x1b')) return
    // printable text (typed or pasted on one line)
    const text = [...data].filter((ch) => ch >= ' ' && ch !== '\x7f').join('')
    if (!text) return
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor)
    this.cursor += text.length
    this.redraw()
  }

  /** A line run from elsewhere (a dialog, a scenario): show it above the prompt with its output. */
  showEntry(entry: TranscriptEntry): void {
    if (entry.source === 'terminal') return
    this.clearInput()
    if (entry.clear) this.term.clear()
    if (entry.result === null) this.term.write(`\x1b[90m${entry.line}\x1b[0m\r\n`)
    else {
      this.term.write(`\x1b[90m$ ${entry.line}\x1b[0m\r\n`)
      this.writeResult(entry.result)
    }
    if (!this.running) this.prompt(true)
  }

  private submit(): void {
    const line = this.buffer
    this.moveToEnd()
    this.term.write('\r\n')
    this.buffer = ''
    this.cursor = 0
    this.shownCursor = 0
    this.historyIndex = null
    this.queue.push({ line, echoed: true })
    if (!this.running) void this.drain()
  }

  private async drain(): Promise<void> {
    this.running = true
    while (this.queue.length > 0) {
      const { line, echoed } = this.queue.shift()!
      if (!echoed) this.term.write(PROMPT + line + '\r\n')
      if (line.trim() === '') continue
      const result = await this.controller.runLine(line, 'terminal')
      if (result.clear) this.term.clear()
      this.writeResult(result)
    }
    this.running = false
    this.prompt(true)
  }

  private writeResult(result: ShellResult): void {
    const out = result.stdout.replace(/\n/g, '\r\n')
    const err = result.stderr.replace(/\n/g, '\r\n')
    if (result.exitCode === 0) {
      // a command that worked may still print progress on stderr (docker pull): it came first, in grey
      if (err) this.term.write(`\x1b[90m${err}\x1b[0m`)
      if (out) this.term.write(out)
    } else {
      if (out) this.term.write(out)
      if (err) this.term.write(`\x1b[31m${err}\x1b[0m`)
    }
  }

  private prompt(keepBuffer = false): void {
    if (!keepBuffer) {
      this.buffer = ''
      this.cursor = 0
    }
    this.term.write('\r\x1b[K' + PROMPT + this.buffer)
    this.shownCursor = this.buffer.length
    const back = this.buffer.length - this.cursor
    if (back > 0) this.term.write(`\x1b[${back}D`)
    this.shownCursor = this.cursor
  }

  /** Wipes the prompt and the input (which may wrap over several rows). */
  private clearInput(): void {
    const cols = this.term.cols
    const row = Math.floor((PROMPT_LENGTH + this.shownCursor) / cols)
    if (row > 0) this.term.write(`\x1b[${row}A`)
    this.term.write('\r\x1b[J')
    this.shownCursor = 0
  }

  private redraw(): void {
    if (this.running) return
    const cols = this.term.cols
    this.clearInput()
    this.term.write(PROMPT + this.buffer)
    const end = PROMPT_LENGTH + this.buffer.length
    if (end > 0 && end % cols === 0) this.term.write('\r\n')
    const endRow = Math.floor(end / cols)
    const target = PROMPT_LENGTH + this.cursor
    const targetRow = Math.floor(target / cols)
    const targetCol = target % cols
    if (endRow > targetRow) this.term.write(`\x1b[${endRow - targetRow}A`)
    this.term.write('\r')
    if (targetCol > 0) this.term.write(`\x1b[${targetCol}C`)
    this.shownCursor = this.cursor
  }

  private moveToEnd(): void {
    if (this.cursor !== this.buffer.length) {
      this.cursor = this.buffer.length
      this.redraw()
    }
  }

  private historyStep(direction: -1 | 1): void {
    const history = this.controller.history()
    if (history.length === 0) return
    if (this.historyIndex === null) {
      if (direction === 1) return
      this.draft = this.buffer
      this.historyIndex = history.length - 1
    } else {
      const next = this.historyIndex + direction
      if (next < 0) return
      if (next >= history.length) {
        this.historyIndex = null
        this.buffer = this.draft
        this.cursor = this.buffer.length
        this.redraw()
        return
      }
      this.historyIndex = next
    }
    this.buffer = history[this.historyIndex] ?? ''
    this.cursor = this.buffer.length
    this.redraw()
  }

  private tab(): void {
    const result = complete(this.buffer, this.cursor, this.controller.completionWords())
    const changed = result.line !== this.buffer
    this.buffer = result.line
    this.cursor = result.cursor
    const now = Date.now()
    const doubleTab = now - this.lastTabAt < 600
    this.lastTabAt = now
    if (result.options.length > 1 && (!changed || doubleTab)) {
      this.moveToEnd()
      this.term.write('\r\n' + result.options.join('  ') + '\r\n')
      this.shownCursor = 0
      this.prompt(true)
      return
    }
    this.redraw()
  }
}

/** The mounted terminals, so the e2e hooks can read the whole scrollback (the DOM shows only the viewport). */
export const liveTerminals = new Set<Terminal>()

export function terminalBufferText(): string {
  const lines: string[] = []
  for (const term of liveTerminals) {
    const buffer = term.buffer.active
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i)
      if (!line) continue
      const text = line.translateToString(true)
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text
      else lines.push(text)
    }
  }
  return lines.join('\n')
}

/** xterm.js and its fit addon, fetched once (same-origin chunks, so the CSP's script-src 'self' allows them). */
let xterm: Promise<[typeof import('@xterm/xterm'), typeof import('@xterm/addon-fit')]> | null = null
function loadXterm(): Promise<[typeof import('@xterm/xterm'), typeof import('@xterm/addon-fit')]> {
  xterm ??= Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')])
  // a failed fetch may be retried on the next mount
  xterm.catch(() => { xterm = null })
  return xterm
}

/** The page's type size (which grows with the screen, the zoom and projector mode) × the panel's --terminal-scale. */
function terminalFontSize(element: HTMLElement): number {
  const root = parseFloat(window.getComputedStyle(document.documentElement).fontSize) || 16
  const scale = parseFloat(window.getComputedStyle(element).getPropertyValue('--terminal-scale')) || 1
  return Math.round(root * 0.8125 * scale)
}

export function TerminalPanel() {
  const { t } = useTranslation()
  const controller = useController()
  const projector = useSnapshot((s) => s.view.projector)
  const zoom = useSnapshot((s) => s.view.zoom)
  const host = useRef<HTMLDivElement>(null)
  const termRef = useRef<Terminal | null>(null)
  const fitRef = useRef<FitAddon | null>(null)
  // null while xterm.js loads, then 'ready', or why it failed
  const [load, setLoad] = useState<null | 'ready' | { error: string }>(null)

  useEffect(() => {
    const element = host.current
    if (!element) return
    let disposed = false
    let dispose = (): void => {}
    // lines run while xterm.js loads wait here, and show once it is up
    const pending: TranscriptEntry[] = []
    let show = (entry: TranscriptEntry): void => { pending.push(entry) }
    const unsubscribe = controller.onTranscript((entry) => show(entry))
    loadXterm().then(([{ Terminal }, { FitAddon }]) => {
      if (disposed) return
      const term = new Terminal({
        fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
        fontSize: 13,
        cursorBlink: true,
        // a classroom terminal needs a screenful or ten, not a log: 1,000 lines (~1.2 MB of xterm buffer at most)
        scrollback: 1000,
        allowProposedApi: false,
        theme: DARK
      })
      const fit = new FitAddon()
      term.loadAddon(fit)
      term.open(element)
      // Tab completes commands, so it cannot also move focus: Escape first, then Tab or Shift+Tab leaves the
      // terminal (no keyboard trap, WCAG 2.1.2). Shift's own keydown, on its way to Shift+Tab, keeps the Escape
      // (the keyboard fuzzer found Escape, Shift+Tab staying in the terminal).
      let escaped = false
      term.attachCustomKeyEventHandler((event) => {
        if (event.type !== 'keydown') return !(escaped && event.key === 'Tab')
        if (MODIFIER_KEYS.has(event.key)) return true
        if (event.key === 'Escape') { escaped = true; return false }
        if (escaped && event.key === 'Tab') { escaped = false; return false }
        escaped = false
        return true
      })
      const textarea = element.querySelector('textarea')
      textarea?.setAttribute('data-testid', 'terminal-input')
      termRef.current = term
      fitRef.current = fit
      liveTerminals.add(term)
      try { fit.fit() } catch { /* not laid out yet */ }
      const editor = new LineEditor(term, controller)
      editor.start()
      const data = term.onData((d) => editor.handleData(d))
      show = (entry) => editor.showEntry(entry)
      for (const entry of pending.splice(0)) editor.showEntry(entry)
      const observer = new ResizeObserver(() => {
        // the stage view (presenter mode) enlarges the type through --terminal-scale and resizes the panel
        const size = terminalFontSize(element)
        if (term.options.fontSize !== size) term.options.fontSize = size
        try { fit.fit() } catch { /* hidden */ }
      })
      observer.observe(element)
      dispose = () => {
        observer.disconnect()
        data.dispose()
        editor.dispose()
        liveTerminals.delete(term)
        term.dispose()
        termRef.current = null
        fitRef.current = null
      }
      setLoad('ready')
    }, (error: unknown) => {
      if (!disposed) setLoad({ error: error instanceof Error ? error.message : String(error) })
    })
    return () => {
      disposed = true
      unsubscribe()
      dispose()
    }
  }, [controller])

  const ready = load === 'ready'

  // the input's label follows the language (the terminal itself is not rebuilt)
  useEffect(() => {
    host.current?.querySelector('textarea')?.setAttribute('aria-label', t('panels.terminal.input'))
  }, [t, ready])

  useEffect(() => {
    const term = termRef.current
    if (!term) return
    term.options.theme = projector ? LIGHT : DARK
    // follow the page's type size (which grows with the screen, the zoom and projector mode)
    const apply = () => {
      const size = host.current ? terminalFontSize(host.current) : 13
      if (term.options.fontSize !== size) term.options.fontSize = size
      try { fitRef.current?.fit() } catch { /* hidden */ }
    }
    apply()
    window.addEventListener('resize', apply)
    return () => window.removeEventListener('resize', apply)
  }, [projector, zoom, ready])

  return (
    <section className="panel terminal-panel" aria-labelledby="terminal-title">
      <div className="panel-head">
        <h2 id="terminal-title">{t('panels.terminal.title')}</h2>
        <span className="hint">{t('panels.terminal.hint')}</span>
      </div>
      {!ready && (
        <p className="hint" role="status" data-testid="terminal-loading">
          {load === null ? t('lazy.terminal') : t('lazy.failed', { message: load.error })}
        </p>
      )}
      <div className="terminal-host" ref={host} data-testid="terminal" />
    </section>
  )
}
