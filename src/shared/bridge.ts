// The shape of window.stacklab, the one object the preload exposes. It lives in shared (types only) so the
// renderer's platform layer can name it without importing the preload; src/preload/api.d.ts declares it on
// Window. On the plain-web build window.stacklab is undefined.
import type {
  AutosaveReadResult,
  AutosaveWriteResult,
  MenuAction,
  OpenTextFileResult,
  SaveFileResult,
  SavePngRequest,
  SaveTextFileRequest
} from './ipc'
import type { EngineBridgeStatus, EngineStartRequest } from './engineBridge'
import type { NativeLanguage } from './nativeText'

export interface StacklabBridge {
  /** Shows the open dialog; text files of up to 5 MB, UTF-8. */
  readonly openTextFile: () => Promise<OpenTextFileResult>
  /** Shows the save dialog with suggestedName, then writes the text atomically. */
  readonly saveTextFile: (request: SaveTextFileRequest) => Promise<SaveFileResult>
  /** dataBase64 must decode to a PNG (canvas.toDataURL('image/png') without its 'data:image/png;base64,' prefix). */
  readonly savePng: (request: SavePngRequest) => Promise<SaveFileResult>
  readonly autosave: {
    readonly read: () => Promise<AutosaveReadResult>
    readonly write: (text: string) => Promise<AutosaveWriteResult>
  }
  /** Tells main the UI language, for the application menu, dialog filter names and main's messages. */
  readonly setLanguage: (language: NativeLanguage) => Promise<void>
  /** Calls back with each menu action; returns the function that unsubscribes. */
  readonly onMenuCommand: (callback: (action: MenuAction) => void) => () => void
  /** The engine bridge (shared/engineBridge.ts): a real docker CLI's requests, answered by the page's world. */
  readonly engine: {
    readonly start: (request: EngineStartRequest) => Promise<EngineBridgeStatus>
    readonly stop: () => Promise<EngineBridgeStatus>
    readonly status: () => Promise<EngineBridgeStatus>
    /** One EngineFromRenderer message; main validates it and drops anything else. */
    readonly send: (message: unknown) => void
    /** Calls back with each message main sends (unvalidated here: the page parses it with EngineToRendererSchema). */
    readonly onMessage: (callback: (message: unknown) => void) => () => void
  }
}
