// The three file capabilities behind the bridge: open a text file, save text, save a PNG. The dialogs are
// passed in, so tests drive the whole flow with a fake dialog and a temp folder. Filter names and messages follow
// the renderer's language (options.text, read at each call so a language change applies to the next dialog).
import path from 'node:path'
import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import {
  PNG_MAX_BYTES,
  TEXT_FILE_MAX_BYTES,
  type OpenTextFileResult,
  type SaveFileResult,
  type SavePngRequest,
  type SaveTextFileRequest
} from '../shared/ipc'
import { NATIVE_TEXT, type NativeText } from '../shared/nativeText'
import { writeFileAtomic } from './atomicWrite'
import { decodePng, withPngExtension } from './png'
import { readTextFileCapped } from './textFile'

/** The two Electron dialog calls this needs (already bound to the window by the caller). */
export interface DialogPort {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>
}

export interface FileCommands {
  openTextFile(): Promise<OpenTextFileResult>
  saveTextFile(request: SaveTextFileRequest): Promise<SaveFileResult>
  savePng(request: SavePngRequest): Promise<SaveFileResult>
}

export interface FileCommandOptions {
  defaultDirectory: () => string
  /** the native texts in the current language; English when absent */
  text?: () => NativeText
}

export function createFileCommands(dialogs: DialogPort, options: FileCommandOptions): FileCommands {
  const text = options.text ?? (() => NATIVE_TEXT.en)
  async function askWhereToSave(suggestedName: string, filters: SaveDialogOptions['filters']): Promise<string | null> {
    const choice = await dialogs.showSaveDialog({
      defaultPath: path.join(options.defaultDirectory(), suggestedName),
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation']
    })
    return choice.canceled || !choice.filePath ? null : choice.filePath
  }

  async function saveBytes(filePath: string, data: string | Uint8Array): Promise<SaveFileResult> {
    try {
      // atomic, so a crash mid-save never truncates the scenario the teacher is replacing
      await writeFileAtomic(filePath, data)
      return { status: 'saved', name: path.basename(filePath) }
    } catch (error) {
      return { status: 'failed', message: text().message.saveFailed(path.basename(filePath), (error as Error).message) }
    }
  }

  return {
    async openTextFile() {
      const { dialog, message } = text()
      const choice = await dialogs.showOpenDialog({
        properties: ['openFile'],
        filters: [
          { name: dialog.scenariosAndCommandFiles, extensions: ['json', 'txt', 'sh'] },
          { name: dialog.allFiles, extensions: ['*'] }
        ]
      })
      const filePath = choice.filePaths[0]
      if (choice.canceled || filePath === undefined) return { status: 'cancelled' }
      const read = await readTextFileCapped(filePath, TEXT_FILE_MAX_BYTES, message)
      if (!read.ok) return { status: 'failed', message: read.message }
      return { status: 'opened', name: path.basename(filePath), text: read.text }
    },

    async saveTextFile({ suggestedName, text: content }) {
      const { dialog, message } = text()
      // the same cap as opening: whatever Stacklab saves, it can open again
      if (Buffer.byteLength(content, 'utf8') > TEXT_FILE_MAX_BYTES) {
        return { status: 'failed', message: message.textTooLarge(TEXT_FILE_MAX_BYTES) }
      }
      const extension = path.extname(suggestedName).slice(1)
      const filters = extension
        ? [{ name: dialog.fileOfType(extension), extensions: [extension] }, { name: dialog.allFiles, extensions: ['*'] }]
        : undefined
      const filePath = await askWhereToSave(suggestedName, filters)
      return filePath === null ? { status: 'cancelled' } : saveBytes(filePath, content)
    },

    async savePng({ suggestedName, dataBase64 }) {
      // checked before the dialog: never ask the user where to put bytes we would refuse anyway
      const { dialog, message } = text()
      const png = decodePng(dataBase64, PNG_MAX_BYTES, message)
      if (!png.ok) return { status: 'failed', message: png.message }
      const filePath = await askWhereToSave(withPngExtension(suggestedName), [{ name: dialog.pngImage, extensions: ['png'] }])
      return filePath === null ? { status: 'cancelled' } : saveBytes(filePath, png.bytes)
    }
  }
}
