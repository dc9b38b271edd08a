// The renderer hands over a picture as base64; check it really is a PNG before offering to save it, so the
// bridge cannot be used to drop arbitrary bytes on disk under a .png name.
import { NATIVE_TEXT, type NativeText } from '../shared/nativeText'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export type PngDecode = { ok: true; bytes: Buffer } | { ok: false; message: string }

/** `text`: the messages in the renderer's language (English unless told). */
export function decodePng(dataBase64: string, maxBytes: number, text: NativeText['message'] = NATIVE_TEXT.en.message): PngDecode {
  const bytes = Buffer.from(dataBase64, 'base64')
  if (bytes.length > maxBytes) return { ok: false, message: text.pictureTooLarge(maxBytes) }
  if (bytes.length <= PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return { ok: false, message: text.pictureNotPng }
  }
  return { ok: true, bytes }
}

/** 'scene' → 'scene.png'; keeps a name that already ends in .png (any case). */
export function withPngExtension(name: string): string {
  return /\.png$/i.test(name) ? name : `${name}.png`
}
