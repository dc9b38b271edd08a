// window.__stacklab: what the Playwright tests read (the report, the scene's stopwatches, the palette). Only
// installed when the page is opened with ?e2e=1; it exposes nothing the person at the keyboard cannot do.
import type { Report } from '../../../sim/index.ts'
import type { SimController } from './SimController'
import type { StackScene } from '../scene/StackScene'
import { paletteFor, type Palette } from '../scene/palette'
import { terminalBufferText } from '../ui/TerminalPanel'

export interface StacklabTestHooks {
  report(): Report
  controller: SimController
  run(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>
  stopwatch(name: string): string | null
  palette(): Palette
  renderer(): string | null
  frames(): number
  /** the terminal's whole scrollback, wrapped lines joined */
  terminalText(): string
  history(): readonly string[]
}

declare global {
  interface Window {
    __stacklab?: StacklabTestHooks
  }
}

export function installTestHooks(controller: SimController, scene: () => StackScene | null): void {
  window.__stacklab = {
    report: () => controller.world.report(),
    controller,
    run: (line) => controller.runLine(line, 'ui'),
    stopwatch: (name) => scene()?.stopwatchText(name) ?? null,
    palette: () => paletteFor(controller.viewState.projector),
    renderer: () => scene()?.rendererName ?? null,
    frames: () => controller.renderedFrames,
    terminalText: () => terminalBufferText(),
    history: () => controller.history()
  }
}
