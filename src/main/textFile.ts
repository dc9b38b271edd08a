// Reading a user-chosen file as text, refusing what is too big or not text before it reaches the page.
import { promises as fs } from 'node:fs'

export type TextFileRead =
  | { ok: true; text: string }
  | { ok: false; message: string }

export async function readTextFileCapped(filePath: string, maxBytes: number): Promise<TextFileRead> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(filePath, 'r')
  } catch (error) {
    return { ok: false, message: `The file could not be opened (${(error as Error).message}).` }
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return { ok: false, message: 'That is not a file.' }
    if (stat.size > maxBytes) return { ok: false, message: tooLarge(stat.size, maxBytes) }
    // read one byte past the cap: the file may have grown since stat
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > maxBytes) return { ok: false, message: tooLarge(bytesRead, maxBytes) }
    try {
      // fatal: a binary file is refused instead of arriving as a page of replacement characters
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead)) }
    } catch {
      return { ok: false, message: 'The file is not UTF-8 text.' }
    }
  } catch (error) {
    return { ok: false, message: `The file could not be read (${(error as Error).message}).` }
  } finally {
    await handle.close()
  }
}

function tooLarge(bytes: number, maxBytes: number): string {
  const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1)
  return `The file is ${mb(bytes)} MB; Stacklab opens files of up to ${mb(maxBytes)} MB.`
}
