// Crash-safe autosave of the sandbox: one JSON envelope, replaced atomically, checked on the way back in.
// A torn or damaged file is moved aside (never deleted, never thrown about); a file from a newer Stacklab
// is left alone and never overwritten. Pure node:fs, so it runs in a unit test and in the kill test's child.
// Its messages reach the page as they are, so they come from the native-text table in the renderer's language.
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AUTOSAVE_MAX_BYTES, type AutosaveReadResult, type AutosaveWriteResult } from '../shared/ipc'
import { NATIVE_TEXT, type NativeText } from '../shared/nativeText'
import { TEMP_SUFFIX, writeFileAtomic } from './atomicWrite'

export const AUTOSAVE_VERSION = 1
export const AUTOSAVE_SCHEMA = `stacklab.save/${AUTOSAVE_VERSION}`
export const AUTOSAVE_FILE_NAME = 'autosave.json'

const SCHEMA_PATTERN = /^stacklab\.save\/(\d+)$/
// JSON escaping can grow a payload up to six times (\u0000); anything larger was not written by us
const MAX_FILE_BYTES = AUTOSAVE_MAX_BYTES * 6 + 4096

const EnvelopeSchema = z.object({
  schema: z.literal(AUTOSAVE_SCHEMA),
  savedAt: z.string(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  payload: z.string()
})

export interface AutosaveStore {
  readonly filePath: string
  read(): Promise<AutosaveReadResult>
  write(payload: string): Promise<AutosaveWriteResult>
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The bytes written to disk for a payload; exported so tests can build valid and damaged files. */
export function encodeEnvelope(payload: string, savedAt: Date): string {
  return JSON.stringify({ schema: AUTOSAVE_SCHEMA, savedAt: savedAt.toISOString(), checksum: sha256Hex(payload), payload })
}

type Decoded =
  | { kind: 'ok'; payload: string; savedAt: string }
  | { kind: 'too-new'; version: number }
  | { kind: 'corrupt'; reason: string }

/** `message`: the reasons' language (English unless told). */
export function decodeEnvelope(text: string, message: NativeText['message'] = NATIVE_TEXT.en.message): Decoded {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { kind: 'corrupt', reason: message.autosaveNotJson }
  }
  const schema = typeof data === 'object' && data !== null ? (data as { schema?: unknown }).schema : undefined
  const version = typeof schema === 'string' ? SCHEMA_PATTERN.exec(schema)?.[1] : undefined
  if (version === undefined) return { kind: 'corrupt', reason: message.autosaveNotStacklab }
  if (Number(version) > AUTOSAVE_VERSION) return { kind: 'too-new', version: Number(version) }
  const envelope = EnvelopeSchema.safeParse(data)
  if (!envelope.success) return { kind: 'corrupt', reason: message.autosaveMalformed }
  if (sha256Hex(envelope.data.payload) !== envelope.data.checksum) {
    return { kind: 'corrupt', reason: message.autosaveChecksum }
  }
  return { kind: 'ok', payload: envelope.data.payload, savedAt: envelope.data.savedAt }
}

export interface AutosaveStoreOptions {
  now?: () => Date
  /** the native texts in the current language; English when absent */
  text?: () => NativeText
}

export function createAutosaveStore(directory: string, options: AutosaveStoreOptions = {}): AutosaveStore {
  const now = options.now ?? (() => new Date())
  const message = (): NativeText['message'] => (options.text?.() ?? NATIVE_TEXT.en).message
  const filePath = path.join(directory, AUTOSAVE_FILE_NAME)
  // 'newer' once we have seen a newer app's file at filePath: from then on writes are refused
  let guard: 'unknown' | 'ours' | 'newer' = 'unknown'
  // one operation at a time, so a read's temp-file sweep can never delete the temp file of a write in flight
  let queue: Promise<unknown> = Promise.resolve()
  function serialized<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation, operation)
    queue = result.catch(() => undefined)
    return result
  }

  async function read(): Promise<AutosaveReadResult> {
    await sweepTempFiles(directory)
    let text: string
    try {
      const stat = await fs.stat(filePath)
      if (stat.size > MAX_FILE_BYTES) return await moveAside(message().autosaveTooBig(stat.size))
      text = await fs.readFile(filePath, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        guard = 'ours'
        return { status: 'none' }
      }
      return await moveAside(message().autosaveUnreadable((error as Error).message))
    }
    const decoded = decodeEnvelope(text, message())
    if (decoded.kind === 'too-new') {
      guard = 'newer'
      return { status: 'too-new', version: decoded.version }
    }
    if (decoded.kind === 'corrupt') return await moveAside(decoded.reason)
    guard = 'ours'
    return { status: 'ok', payload: decoded.payload, savedAt: decoded.savedAt }
  }

  async function moveAside(reason: string): Promise<AutosaveReadResult> {
    guard = 'ours'
    try {
      const movedTo = path.join(directory, await nextCorruptName(directory))
      await fs.rename(filePath, movedTo)
      return { status: 'corrupt', movedTo, message: message().autosaveUnusableKept(reason, movedTo) }
    } catch (error) {
      return { status: 'corrupt', movedTo: null, message: message().autosaveUnusableNotMoved(reason, (error as Error).message) }
    }
  }

  async function write(payload: string): Promise<AutosaveWriteResult> {
    if (typeof payload !== 'string' || Buffer.byteLength(payload, 'utf8') > AUTOSAVE_MAX_BYTES) {
      return { status: 'failed', message: message().autosaveTooLarge(AUTOSAVE_MAX_BYTES) }
    }
    try {
      if (guard === 'unknown') guard = (await holdsNewerSave(filePath)) ? 'newer' : 'ours'
      if (guard === 'newer') {
        return { status: 'refused', message: message().autosaveRefused }
      }
      const savedAt = now()
      await fs.mkdir(directory, { recursive: true })
      await writeFileAtomic(filePath, encodeEnvelope(payload, savedAt))
      return { status: 'saved', savedAt: savedAt.toISOString() }
    } catch (error) {
      return { status: 'failed', message: message().autosaveFailed((error as Error).message) }
    }
  }

  return {
    filePath,
    read: () => serialized(read),
    write: (payload) => serialized(() => write(payload))
  }
}

/** Temp files a killed writer left behind; they are never the only copy, since rename is the commit. */
async function sweepTempFiles(directory: string): Promise<void> {
  let names: string[]
  try {
    names = await fs.readdir(directory)
  } catch {
    return
  }
  const stray = names.filter((name) => name.startsWith(`${AUTOSAVE_FILE_NAME}.`) && name.endsWith(TEMP_SUFFIX))
  await Promise.all(stray.map((name) => fs.rm(path.join(directory, name), { force: true }).catch(() => undefined)))
}

async function nextCorruptName(directory: string): Promise<string> {
  const names = await fs.readdir(directory)
  const taken = names
    .map((name) => /^autosave\.corrupt-(\d+)\.json$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
  return `autosave.corrupt-${Math.max(0, ...taken) + 1}.json`
}

async function holdsNewerSave(filePath: string): Promise<boolean> {
  try {
    return decodeEnvelope(await fs.readFile(filePath, 'utf8')).kind === 'too-new'
  } catch {
    return false
  }
}
