// Included by the renderer's tsconfig so `window.stacklab` is typed there; the renderer imports nothing
// from src/preload. Optional because the plain-web build runs without Electron.
import type { StacklabBridge } from '../shared/bridge'

export type { StacklabBridge }

declare global {
  interface Window {
    stacklab?: StacklabBridge
  }
}
