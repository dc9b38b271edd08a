// The desktop platform: every capability goes through the one bridge object the preload exposes.
import type { StacklabBridge } from '../../../shared/bridge'
import { nativeLanguage } from '../../../shared/nativeText'
import type { OpenedFile, Platform, SaveOutcome } from './Platform'

export function createElectronPlatform(bridge: StacklabBridge): Platform {
  return {
    kind: 'electron',
    async openTextFile(): Promise<OpenedFile | null> {
      const result = await bridge.openTextFile()
      if (result.status === 'cancelled') return null
      if (result.status === 'failed') throw new Error(result.message)
      return { name: result.name, text: result.text }
    },
    async saveTextFile(suggestedName: string, text: string): Promise<SaveOutcome> {
      return bridge.saveTextFile({ suggestedName, text })
    },
    async savePng(suggestedName: string, dataUrl: string): Promise<SaveOutcome> {
      const dataBase64 = dataUrl.replace(/^data:image\/png;base64,/, '')
      return bridge.savePng({ suggestedName, dataBase64 })
    },
    autosave: {
      read: () => bridge.autosave.read(),
      write: (payload: string) => bridge.autosave.write(payload),
      // main moves damaged files aside itself; a payload that decodes but is not a world cannot be moved
      // from here, so the caller offers to save a copy instead
      setAside: async () => null
    },
    setLanguage: (code: string) => {
      // a language main does not speak falls back to English there; a failure only leaves the menu as it was
      bridge.setLanguage(nativeLanguage(code)).catch(() => undefined)
    },
    onMenuCommand: (callback) => bridge.onMenuCommand(callback),
    engineBridge: {
      start: (request) => bridge.engine.start(request),
      stop: () => bridge.engine.stop(),
      status: () => bridge.engine.status(),
      send: (message) => bridge.engine.send(message),
      onMessage: (callback) => bridge.engine.onMessage(callback)
    }
  }
}
