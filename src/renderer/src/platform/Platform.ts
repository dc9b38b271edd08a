// What the renderer needs from where it runs: files, pictures, the autosave slot and the menu. The web build
// uses the browser (file input, a download link, IndexedDB); the desktop build goes through window.stacklab.
import type { AutosaveReadResult, AutosaveWriteResult, MenuAction } from '../../../shared/ipc'
import type { EngineBridgeStatus, EngineFromRenderer, EngineStartRequest } from '../../../shared/engineBridge'

export interface OpenedFile { name: string; text: string }

/** `accept`: the browser's file-type filter (e.g. '.json,application/json'); the desktop dialog lists JSON files anyway. */
export interface OpenOptions { accept?: string }

export type SaveOutcome = { status: 'saved'; name: string } | { status: 'cancelled' } | { status: 'failed'; message: string }

export interface Platform {
  readonly kind: 'web' | 'electron'
  /** Asks the person for a text file; null when they cancel. Throws with a readable message on failure. */
  openTextFile(options?: OpenOptions): Promise<OpenedFile | null>
  saveTextFile(suggestedName: string, text: string): Promise<SaveOutcome>
  /** dataUrl is canvas.toDataURL('image/png'). */
  savePng(suggestedName: string, dataUrl: string): Promise<SaveOutcome>
  readonly autosave: {
    read(): Promise<AutosaveReadResult>
    write(payload: string): Promise<AutosaveWriteResult>
    /** Keeps a damaged payload out of the way so the next autosave cannot overwrite it; returns where, or null. */
    setAside(payload: string, reason: string): Promise<string | null>
  }
  /** Tells the desktop app the UI language (its menu, dialog filters and messages follow it); the web build ignores it. */
  setLanguage(code: string): void
  /** Calls back with each application-menu action; returns the function that unsubscribes. */
  onMenuCommand(callback: (action: MenuAction) => void): () => void
  /** The desktop app's engine bridge (a real docker CLI → main → this page's world); absent in the web build. */
  readonly engineBridge?: EngineBridgePort
}

export interface EngineBridgePort {
  start(request: EngineStartRequest): Promise<EngineBridgeStatus>
  stop(): Promise<EngineBridgeStatus>
  status(): Promise<EngineBridgeStatus>
  send(message: EngineFromRenderer): void
  /** main's messages, unvalidated: the responder parses them */
  onMessage(callback: (message: unknown) => void): () => void
}
