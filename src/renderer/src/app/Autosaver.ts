// Saves the sandbox (the world and the terminal session) and the lesson in progress every ~2 s when they
// changed (format: sandboxSave.ts), and restores them on launch; an older format is migrated, a newer one is left
// untouched. A damaged save is set aside with a visible notice; it never stops the app.
import type { Platform } from '../platform/createPlatform'
import { ReasonError, type SimController } from './SimController'
import type { UiText } from '../ui/types'
import { decodeSandboxSave } from './sandboxSave'

/** a panels.autosave.* text, translated when the notice is shown */
const text = (key: string, params?: UiText['params']): UiText => (params ? { key: `panels.autosave.${key}`, params } : { key: `panels.autosave.${key}` })

const INTERVAL_MS = 2000

export class Autosaver {
  private timer = 0
  private savedCount = -1
  private writing = false
  private refused = false

  constructor(private readonly platform: Platform, private readonly controller: SimController) {}

  /** Reads the last save and applies it; reports what happened as a notice. */
  async restore(): Promise<void> {
    let result
    try {
      result = await this.platform.autosave.read()
    } catch (error) {
      this.controller.notify('warning', text('unreadable', { reason: String(error) }))
      return
    }
    switch (result.status) {
      case 'none':
        return
      case 'too-new':
        this.refused = true
        this.controller.notify('warning', text('tooNew', { version: result.version }))
        this.controller.setAutosaveStatus({ status: 'off', savedAt: null, message: text('newerOwns') })
        return
      case 'corrupt':
        this.controller.notify('warning', result.movedTo ? text('damagedMoved', { reason: result.message, movedTo: result.movedTo }) : text('damaged', { reason: result.message }))
        return
      case 'ok': {
        const decoded = decodeSandboxSave(result.payload)
        if (!decoded.ok && decoded.tooNew) {
          // like a newer envelope: left as it is on disk, and this session does not overwrite it
          this.refused = true
          this.controller.notify('warning', text('tooNewSandbox', { reason: decoded.reason }))
          this.controller.setAutosaveStatus({ status: 'off', savedAt: null, message: text('newerOwns') })
          return
        }
        try {
          if (!decoded.ok) throw new Error(decoded.reason)
          this.controller.restoreAutosave(decoded.save)
          this.savedCount = this.controller.changeCount
          this.controller.notify('info', text(decoded.migratedFrom !== null ? 'restoredMigrated' : 'restored', { when: new Date(result.savedAt).getTime(), version: decoded.migratedFrom ?? 0 }))
          if (decoded.lessonDropped) this.controller.notify('warning', text('lessonLost', { reason: decoded.lessonDropped }))
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          // the reason in the notice follows the language when it is one of ours; the file set aside keeps the English
          const shown = error instanceof ReasonError ? error.text : reason
          const movedTo = await this.platform.autosave.setAside(result.payload, reason).catch(() => null)
          if (movedTo) {
            this.controller.notify('warning', text('damagedMoved', { reason: shown, movedTo }))
          } else {
            this.controller.keepDamagedAutosave(result.payload)
            this.controller.notify('warning', text('damagedKeep', { reason: shown }), { id: 'save-damaged-autosave', label: text('saveCopy') })
          }
        }
      }
    }
  }

  start(): void {
    if (this.refused) return
    this.controller.setAutosaveStatus({ status: 'idle', savedAt: null, message: null })
    this.timer = window.setInterval(() => void this.saveIfChanged(), INTERVAL_MS)
    window.addEventListener('pagehide', this.flush)
    document.addEventListener('visibilitychange', this.onVisibility)
  }

  stop(): void {
    window.clearInterval(this.timer)
    window.removeEventListener('pagehide', this.flush)
    document.removeEventListener('visibilitychange', this.onVisibility)
  }

  async saveIfChanged(): Promise<void> {
    if (this.writing || this.refused) return
    const count = this.controller.changeCount
    if (count === this.savedCount) return
    this.writing = true
    try {
      const result = await this.platform.autosave.write(this.controller.autosavePayload())
      if (result.status === 'saved') {
        this.savedCount = count
        this.controller.setAutosaveStatus({ status: 'saved', savedAt: result.savedAt, message: null })
      } else if (result.status === 'refused') {
        this.refused = true
        this.controller.setAutosaveStatus({ status: 'off', savedAt: null, message: result.message })
      } else {
        this.controller.setAutosaveStatus({ status: 'failed', savedAt: null, message: result.message })
      }
    } catch (error) {
      this.controller.setAutosaveStatus({ status: 'failed', savedAt: null, message: String(error) })
    } finally {
      this.writing = false
    }
  }

  private readonly flush = (): void => {
    void this.saveIfChanged()
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') void this.saveIfChanged()
  }
}
