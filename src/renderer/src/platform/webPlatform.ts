// The plain-browser platform: a file input to open, a blob link to save, IndexedDB for the autosave slot.
// There is no application menu in a browser tab, so onMenuCommand never calls back.
import type { AutosaveReadResult, AutosaveWriteResult } from '../../../shared/ipc'
import type { OpenedFile, OpenOptions, Platform, SaveOutcome } from './Platform'
import { idbDelete, idbGet, idbPut } from './indexedDb'

const SAVE_KEY = 'current'
export const WEB_SAVE_SCHEMA = 'stacklab.save/1'
const TEXT_FILE_MAX_BYTES = 5 * 1024 * 1024

interface StoredSave { schema: string; savedAt: string; payload: string }

function isStoredSave(value: unknown): value is StoredSave {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v['schema'] === 'string' && typeof v['savedAt'] === 'string' && typeof v['payload'] === 'string'
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // the download has its own reference by now; give slow browsers a moment anyway
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function pickFile(accept = '.txt,.sh,.stacklab,text/plain'): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    input.setAttribute('aria-hidden', 'true')
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    }, { once: true })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    }, { once: true })
    document.body.append(input)
    input.click()
  })
}

// not fetch(dataUrl): the CSP's connect-src does not list data:
function dataUrlToBlob(dataUrl: string): Blob {
  const [header = '', base64 = ''] = dataUrl.split(',', 2)
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: /^data:([^;,]+)/.exec(header)?.[1] ?? 'application/octet-stream' })
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    async openTextFile(options?: OpenOptions): Promise<OpenedFile | null> {
      const file = await pickFile(options?.accept)
      if (!file) return null
      if (file.size > TEXT_FILE_MAX_BYTES) throw new Error(`${file.name} is larger than 5 MB: a command file is small text`)
      return { name: file.name, text: await file.text() }
    },
    async saveTextFile(suggestedName: string, text: string): Promise<SaveOutcome> {
      download(suggestedName, new Blob([text], { type: 'text/plain;charset=utf-8' }))
      return { status: 'saved', name: suggestedName }
    },
    async savePng(suggestedName: string, dataUrl: string): Promise<SaveOutcome> {
      download(suggestedName, dataUrlToBlob(dataUrl))
      return { status: 'saved', name: suggestedName }
    },
    autosave: {
      async read(): Promise<AutosaveReadResult> {
        let stored: unknown
        try {
          stored = await idbGet(SAVE_KEY)
        } catch (error) {
          return { status: 'corrupt', movedTo: null, message: `the browser's storage could not be read (${String(error)})` }
        }
        if (stored === undefined) return { status: 'none' }
        if (!isStoredSave(stored)) {
          const movedTo = await setAside(JSON.stringify(stored ?? null))
          return { status: 'corrupt', movedTo, message: 'the saved sandbox is not a Stacklab save' }
        }
        const version = /^stacklab\.save\/(\d+)$/.exec(stored.schema)?.[1]
        if (version === undefined) {
          const movedTo = await setAside(stored.payload)
          return { status: 'corrupt', movedTo, message: 'the saved sandbox is not a Stacklab save' }
        }
        if (Number(version) > 1) return { status: 'too-new', version: Number(version) }
        return { status: 'ok', payload: stored.payload, savedAt: stored.savedAt }
      },
      async write(payload: string): Promise<AutosaveWriteResult> {
        const savedAt = new Date().toISOString()
        try {
          const existing = await idbGet(SAVE_KEY)
          const version = isStoredSave(existing) ? Number(/^stacklab\.save\/(\d+)$/.exec(existing.schema)?.[1] ?? 0) : 0
          if (version > 1) return { status: 'refused', message: 'a newer Stacklab saved this sandbox; it is left untouched' }
          await idbPut(SAVE_KEY, { schema: WEB_SAVE_SCHEMA, savedAt, payload } satisfies StoredSave)
          return { status: 'saved', savedAt }
        } catch (error) {
          return { status: 'failed', message: String(error) }
        }
      },
      async setAside(payload: string): Promise<string | null> {
        return setAside(payload)
      }
    },
    setLanguage(): void {
      // a browser tab has no native menu or dialogs to translate
    },
    onMenuCommand(): () => void {
      return () => {}
    }
  }
}

async function setAside(payload: string): Promise<string | null> {
  const key = `set-aside-${new Date().toISOString()}`
  try {
    await idbPut(key, { schema: 'stacklab.set-aside', savedAt: new Date().toISOString(), payload })
    await idbDelete(SAVE_KEY)
    return `IndexedDB "stacklab" › ${key}`
  } catch {
    return null
  }
}
