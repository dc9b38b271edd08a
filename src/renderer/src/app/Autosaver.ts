// Saves the sandbox (the world and the terminal session) every ~2 s when it changed, and restores it on
// launch. A damaged save is set aside with a visible notice; it never stops the app.
import type { Platform } from '../platform/createPlatform'
import type { SimController } from './SimController'

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
      this.controller.notify('warning', `The last autosave could not be read (${String(error)}). Starting with a fresh sandbox.`)
      return
    }
    switch (result.status) {
      case 'none':
        return
      case 'too-new':
        this.refused = true
        this.controller.notify('warning', `The autosave was written by a newer Stacklab (format ${result.version}); it is left untouched and this session is not autosaved.`)
        this.controller.setAutosaveStatus({ status: 'off', savedAt: null, message: 'a newer version owns the autosave' })
        return
      case 'corrupt':
        this.controller.notify('warning', `The last autosave was damaged (${result.message}) and has been set aside${result.movedTo ? ` as ${result.movedTo}` : ''}. Starting with a fresh sandbox.`)
        return
      case 'ok':
        try {
          this.controller.restoreAutosave(result.payload)
          this.savedCount = this.controller.changeCount
          this.controller.notify('info', `Restored your sandbox from ${new Date(result.savedAt).toLocaleString()}.`)
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          const movedTo = await this.platform.autosave.setAside(result.payload, reason).catch(() => null)
          if (movedTo) {
            this.controller.notify('warning', `The last autosave was damaged (${reason}) and has been set aside as ${movedTo}. Starting with a fresh sandbox.`)
          } else {
            this.controller.keepDamagedAutosave(result.payload)
            this.controller.notify('warning', `The last autosave was damaged (${reason}). Starting with a fresh sandbox; you can keep a copy of the damaged file.`,
              { id: 'save-damaged-autosave', label: 'Save a copy…' })
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
