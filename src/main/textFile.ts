// Reading a user-chosen file as text, refusing what is too big or not text before it reaches the page.
import { promises as fs } from 'node:fs'
import { NATIVE_TEXT, type NativeText } from '../shared/nativeText'

export type TextFileRead =
  | { ok: true; text: string }
  | { ok: false; message: string }

/** `text`: the messages in the renderer's language (English unless told). */
export async function readTextFileCapped(
  filePath: string,
  maxBytes: number,
  text: NativeText['message'] = NATIVE_TEXT.en.message
): Promise<TextFileRead> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(filePath, 'r')
  } catch (error) {
    return { ok: false, message: text.fileNotOpened((error as Error).message) }
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return { ok: false, message: text.notAFile }
    if (stat.size > maxBytes) return { ok: false, message: tooLarge(text, stat.size, maxBytes) }
    // read one byte past the cap: the file may have grown since stat
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > maxBytes) return { ok: false, message: tooLarge(text, bytesRead, maxBytes) }
    try {
      // fatal: a binary file is refused instead of arriving as a page of replacement characters
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead)) }
    } catch {
      return { ok: false, message: text.fileNotUtf8 }
    }
  } catch (error) {
    return { ok: false, message: text.fileNotRead((error as Error).message) }
  } finally {
    await handle.close()
  }
}

function tooLarge(text: NativeText['message'], bytes: number, maxBytes: number): string {
  const mb = (n: number): number => n / (1024 * 1024)
  return text.fileTooLarge(mb(bytes), mb(maxBytes))
}
