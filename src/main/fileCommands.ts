// The three file capabilities behind the bridge: open a text file, save text, save a PNG. The dialogs are
// passed in, so tests drive the whole flow with a fake dialog and a temp folder.
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

export function createFileCommands(dialogs: DialogPort, options: { defaultDirectory: () => string }): FileCommands {
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
      return { status: 'failed', message: `Could not save ${path.basename(filePath)} (${(error as Error).message}).` }
    }
  }

  return {
    async openTextFile() {
      const choice = await dialogs.showOpenDialog({
        properties: ['openFile'],
        filters: [
          { name: 'Scenarios and command files', extensions: ['json', 'txt', 'sh'] },
          { name: 'All files', extensions: ['*'] }
        ]
      })
      const filePath = choice.filePaths[0]
      if (choice.canceled || filePath === undefined) return { status: 'cancelled' }
      const read = await readTextFileCapped(filePath, TEXT_FILE_MAX_BYTES)
      if (!read.ok) return { status: 'failed', message: read.message }
      return { status: 'opened', name: path.basename(filePath), text: read.text }
    },

    async saveTextFile({ suggestedName, text }) {
      // the same cap as opening: whatever Stacklab saves, it can open again
      if (Buffer.byteLength(text, 'utf8') > TEXT_FILE_MAX_BYTES) {
        return { status: 'failed', message: `The text is larger than ${TEXT_FILE_MAX_BYTES} bytes.` }
      }
      const extension = path.extname(suggestedName).slice(1)
      const filters = extension ? [{ name: `.${extension} file`, extensions: [extension] }, { name: 'All files', extensions: ['*'] }] : undefined
      const filePath = await askWhereToSave(suggestedName, filters)
      return filePath === null ? { status: 'cancelled' } : saveBytes(filePath, text)
    },

    async savePng({ suggestedName, dataBase64 }) {
      // checked before the dialog: never ask the user where to put bytes we would refuse anyway
      const png = decodePng(dataBase64, PNG_MAX_BYTES)
      if (!png.ok) return { status: 'failed', message: png.message }
      const filePath = await askWhereToSave(withPngExtension(suggestedName), [{ name: 'PNG image', extensions: ['png'] }])
      return filePath === null ? { status: 'cancelled' } : saveBytes(filePath, png.bytes)
    }
  }
}
