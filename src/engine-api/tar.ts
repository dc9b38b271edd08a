// A small, defensive ustar reader for build contexts: regular files only (with PAX and GNU long names), sizes
// checked against the buffer, never trusted.

export interface TarFile { path: string; bytes: Uint8Array }
export type TarResult = { ok: true; files: TarFile[] } | { ok: false; message: string }

export interface TarLimits { maxFiles: number }
const DEFAULT_LIMITS: TarLimits = { maxFiles: 20_000 }

const BLOCK = 512
const latin1 = new TextDecoder('latin1')
const utf8 = new TextDecoder('utf-8')

function cString(bytes: Uint8Array, decoder: { decode(input: Uint8Array): string } = utf8): string {
  const nul = bytes.indexOf(0)
  return decoder.decode(nul < 0 ? bytes : bytes.subarray(0, nul))
}

/** An octal field, or GNU base-256 when the high bit is set. null when unreadable. */
function numeric(field: Uint8Array): number | null {
  if (field.length > 0 && (field[0]! & 0x80) !== 0) {
    if ((field[0]! & 0x40) !== 0) return null // negative
    let n = field[0]! & 0x3f
    for (let i = 1; i < field.length; i++) {
      n = n * 256 + field[i]!
      if (n > Number.MAX_SAFE_INTEGER) return null
    }
    return n
  }
  const text = latin1.decode(field).replace(/[\0 ]+$/g, '').replace(/^[ ]+/, '')
  if (text === '') return 0
  if (!/^[0-7]+$/.test(text)) return null
  const n = parseInt(text, 8)
  return Number.isSafeInteger(n) ? n : null
}

function checksumOk(header: Uint8Array): boolean {
  const stored = numeric(header.subarray(148, 156))
  if (stored === null) return false
  let unsigned = 0
  for (let i = 0; i < BLOCK; i++) unsigned += i >= 148 && i < 156 ? 0x20 : header[i]!
  return stored === unsigned
}

const isZeroBlock = (block: Uint8Array): boolean => block.every((b) => b === 0)

/** PAX extended header records: "<len> <key>=<value>\n". */
function paxPath(data: Uint8Array): string | null {
  let path: string | null = null
  let off = 0
  while (off < data.length) {
    const space = data.indexOf(0x20, off)
    if (space < 0) break
    const len = Number(latin1.decode(data.subarray(off, space)))
    if (!Number.isSafeInteger(len) || len <= space - off || off + len > data.length) break
    const record = utf8.decode(data.subarray(space + 1, off + len - 1))
    const eq = record.indexOf('=')
    if (eq > 0 && record.slice(0, eq) === 'path') path = record.slice(eq + 1)
    off += len
  }
  return path
}

/** "./app/x.py" → "app/x.py"; null for names that climb out of the context or name nothing. */
export function cleanPath(raw: string): string | null {
  const parts: string[] = []
  for (const part of raw.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') return null
    parts.push(part)
  }
  return parts.length ? parts.join('/') : null
}

/** Does `bytes` start with a tar header (checksum matches)? */
export function looksLikeTar(bytes: Uint8Array): boolean {
  return bytes.length >= BLOCK && !isZeroBlock(bytes.subarray(0, BLOCK)) && checksumOk(bytes.subarray(0, BLOCK))
}

export function readTar(bytes: Uint8Array, limits: TarLimits = DEFAULT_LIMITS): TarResult {
  const files: TarFile[] = []
  let off = 0
  let longName: string | null = null
  while (off + BLOCK <= bytes.length) {
    const header = bytes.subarray(off, off + BLOCK)
    if (isZeroBlock(header)) break
    if (!checksumOk(header)) return { ok: false, message: `invalid tar header at offset ${off}` }
    const size = numeric(header.subarray(124, 136))
    if (size === null) return { ok: false, message: `invalid size in tar header at offset ${off}` }
    const dataStart = off + BLOCK
    if (size > bytes.length - dataStart) return { ok: false, message: 'unexpected end of tar archive' }
    const data = bytes.subarray(dataStart, dataStart + size)
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK
    const type = String.fromCharCode(header[156]!)
    const ustar = latin1.decode(header.subarray(257, 262)) === 'ustar'
    const name = cString(header.subarray(0, 100))
    const prefix = ustar ? cString(header.subarray(345, 500)) : ''
    if (type === 'x') { longName = paxPath(data) ?? longName; continue }
    if (type === 'L') { longName = cString(data); continue }
    if (type === 'g' || type === 'K') continue
    const fullName = longName ?? (prefix ? `${prefix}/${name}` : name)
    longName = null
    if (type !== '0' && type !== '\0' && type !== '7') continue // directories, links, devices: not content
    const path = cleanPath(fullName)
    if (path === null) continue
    if (files.length >= limits.maxFiles) return { ok: false, message: `build context has more than ${limits.maxFiles} files` }
    files.push({ path, bytes: data })
  }
  return { ok: true, files }
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Text of a file small enough to read as source and valid UTF-8; undefined otherwise. */
export function textOf(bytes: Uint8Array, maxBytes = 64 * 1024): string | undefined {
  if (bytes.length >= maxBytes) return undefined
  try {
    return fatalUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

const encoder = new TextEncoder()

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

/** A ustar archive of `files` (tests and in-process clients that send a build context). */
export function writeTar(files: { path: string; content: string | Uint8Array }[]): Uint8Array {
  const chunks: Uint8Array[] = []
  for (const f of files) {
    const data = typeof f.content === 'string' ? encoder.encode(f.content) : f.content
    const header = new Uint8Array(BLOCK)
    const put = (text: string, at: number): void => header.set(encoder.encode(text), at)
    let name = f.path
    let prefix = ''
    if (encoder.encode(name).length > 100) {
      const cut = name.lastIndexOf('/', 155)
      prefix = name.slice(0, cut)
      name = name.slice(cut + 1)
    }
    put(name, 0)
    put(octal(0o644, 8), 100)
    put(octal(0, 8), 108)
    put(octal(0, 8), 116)
    put(octal(data.length, 12), 124)
    put(octal(0, 12), 136)
    put('        ', 148)
    header[156] = 0x30
    put('ustar\u000000', 257)
    put(prefix, 345)
    let sum = 0
    for (const b of header) sum += b
    put(octal(sum, 7) + ' ', 148)
    chunks.push(header, data, new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK))
  }
  chunks.push(new Uint8Array(BLOCK * 2))
  const total = chunks.reduce((s, c) => s + c.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) { out.set(c, at); at += c.length }
  return out
}
