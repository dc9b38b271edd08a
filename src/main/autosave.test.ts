import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AUTOSAVE_MAX_BYTES } from '../shared/ipc'
import { NATIVE_TEXT } from '../shared/nativeText'
import { AUTOSAVE_FILE_NAME, AUTOSAVE_SCHEMA, createAutosaveStore, encodeEnvelope, sha256Hex } from './autosave'

let dir: string
const at = new Date('2026-11-29T12:00:00.000Z')
const target = (): string => path.join(dir, AUTOSAVE_FILE_NAME)

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stacklab-autosave-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('autosave store', () => {
  it('reads back what it wrote, in the documented envelope', async () => {
    const store = createAutosaveStore(dir, { now: () => at })
    const payload = JSON.stringify({ vms: [{ name: 'web', memoryMb: 512 }], note: 'ünïcödé ✓' })
    expect(await store.write(payload)).toEqual({ status: 'saved', savedAt: at.toISOString() })
    expect(JSON.parse(readFileSync(target(), 'utf8'))).toEqual({
      schema: AUTOSAVE_SCHEMA,
      savedAt: at.toISOString(),
      checksum: sha256Hex(payload),
      payload
    })
    expect(await createAutosaveStore(dir).read()).toEqual({ status: 'ok', payload, savedAt: at.toISOString() })
  })

  it('reports none when nothing was saved, even if the folder does not exist yet', async () => {
    expect(await createAutosaveStore(dir).read()).toEqual({ status: 'none' })
    const nested = path.join(dir, 'not', 'yet')
    expect(await createAutosaveStore(nested).read()).toEqual({ status: 'none' })
    expect((await createAutosaveStore(nested).write('x')).status).toBe('saved')
  })

  it('the last of several quick writes wins', async () => {
    const store = createAutosaveStore(dir)
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.write(`payload ${i}`)))
    expect(await store.read()).toMatchObject({ status: 'ok', payload: 'payload 19' })
    expect(readdirSync(dir)).toEqual([AUTOSAVE_FILE_NAME])
  })

  const damaged: Array<[string, (good: string) => string]> = [
    ['a torn write (truncated JSON)', (good) => good.slice(0, Math.floor(good.length / 2))],
    ['an empty file', () => ''],
    ['zero bytes from a power cut', (good) => '\u0000'.repeat(good.length)],
    ['a flipped byte in the payload', (good) => good.replace('memoryMb', 'memoryMB')],
    ['a wrong checksum', (good) => good.replace(/"checksum":"[0-9a-f]{64}"/, `"checksum":"${'0'.repeat(64)}"`)],
    ['a missing field', (good) => JSON.stringify({ ...JSON.parse(good), savedAt: undefined })],
    ['a payload that is not a string', () => JSON.stringify({ schema: AUTOSAVE_SCHEMA, savedAt: 'x', checksum: sha256Hex('1'), payload: 1 })],
    ['JSON that is not a save', () => '[1,2,3]'],
    ['an unknown schema', () => JSON.stringify({ schema: 'other.app/1' })]
  ]

  it.each(damaged)('moves %s aside and reports it, without throwing', async (_name, damage) => {
    const good = encodeEnvelope(JSON.stringify({ memoryMb: 512 }), at)
    writeFileSync(target(), damage(good))
    const store = createAutosaveStore(dir)
    const result = await store.read()
    expect(result).toMatchObject({ status: 'corrupt', movedTo: path.join(dir, 'autosave.corrupt-1.json') })
    if (result.status === 'corrupt') expect(result.message).toMatch(/kept as/)
    expect(readFileSync(path.join(dir, 'autosave.corrupt-1.json'), 'utf8')).toBe(damage(good))
    expect(existsSync(target())).toBe(false)
    // and the store carries on: the next save works and reads back
    expect((await store.write('fresh')).status).toBe('saved')
    expect(await store.read()).toMatchObject({ status: 'ok', payload: 'fresh' })
  })

  it('numbers corrupt files so an earlier one is never overwritten', async () => {
    const store = createAutosaveStore(dir)
    writeFileSync(target(), '{')
    await store.read()
    writeFileSync(target(), '{"')
    const second = await store.read()
    expect(second).toMatchObject({ status: 'corrupt', movedTo: path.join(dir, 'autosave.corrupt-2.json') })
    expect(readFileSync(path.join(dir, 'autosave.corrupt-1.json'), 'utf8')).toBe('{')
  })

  it('refuses a newer schema version and leaves that file alone, also against later writes', async () => {
    const newer = JSON.stringify({ schema: 'stacklab.save/3', savedAt: at.toISOString(), data: { anything: true } })
    writeFileSync(target(), newer)
    const store = createAutosaveStore(dir)
    expect(await store.read()).toEqual({ status: 'too-new', version: 3 })
    expect((await store.write('older app state')).status).toBe('refused')
    expect(readFileSync(target(), 'utf8')).toBe(newer)
    expect(readdirSync(dir)).toEqual([AUTOSAVE_FILE_NAME])
  })

  it('says why it refuses, in the language main was told (English by default)', async () => {
    writeFileSync(target(), JSON.stringify({ schema: 'stacklab.save/2', payload: 'future' }))
    expect(await createAutosaveStore(dir).write('x')).toEqual({
      status: 'refused',
      message: 'The autosave was written by a newer Stacklab; it is left as it is.'
    })
    expect(await createAutosaveStore(dir, { text: () => NATIVE_TEXT.de }).write('x')).toEqual({
      status: 'refused',
      message: 'Der automatische Speicherstand stammt von einer neueren Stacklab-Version; er bleibt, wie er ist.'
    })
  })

  it('reports a damaged file in German when the page speaks German', async () => {
    writeFileSync(target(), '{"schema":"stacklab.save/1", "payl')
    const result = await createAutosaveStore(dir, { text: () => NATIVE_TEXT.de }).read()
    expect(result).toMatchObject({ status: 'corrupt', movedTo: path.join(dir, 'autosave.corrupt-1.json') })
    if (result.status === 'corrupt') {
      expect(result.message).toBe(
        `Der automatische Speicherstand war nicht brauchbar: ${NATIVE_TEXT.de.message.autosaveNotJson}. Er wurde als ${result.movedTo} aufbewahrt.`
      )
    }
  })

  it('does not overwrite a newer save even when written to before any read', async () => {
    const newer = JSON.stringify({ schema: 'stacklab.save/2', payload: 'future' })
    writeFileSync(target(), newer)
    expect((await createAutosaveStore(dir).write('older app state')).status).toBe('refused')
    expect(readFileSync(target(), 'utf8')).toBe(newer)
  })

  it('clears temp files a killed writer left behind, and keeps other files', async () => {
    const store = createAutosaveStore(dir)
    await store.write('kept')
    writeFileSync(path.join(dir, `${AUTOSAVE_FILE_NAME}.4242.7.tmp`), '{"schema":"stacklab.sa')
    writeFileSync(path.join(dir, 'autosave.corrupt-1.json'), 'old evidence')
    expect(await store.read()).toMatchObject({ status: 'ok', payload: 'kept' })
    expect(readdirSync(dir).sort()).toEqual(['autosave.corrupt-1.json', AUTOSAVE_FILE_NAME])
  })

  it('refuses a payload over the size cap without touching the file', async () => {
    const store = createAutosaveStore(dir)
    await store.write('small')
    const result = await store.write('x'.repeat(AUTOSAVE_MAX_BYTES + 1))
    expect(result.status).toBe('failed')
    expect(await store.read()).toMatchObject({ status: 'ok', payload: 'small' })
  })

  it('reports a failed write instead of throwing, and leaves the previous save', async () => {
    const store = createAutosaveStore(dir)
    await store.write('before')
    // a folder where the temp file would go makes the write fail
    const blocked = createAutosaveStore(path.join(dir, AUTOSAVE_FILE_NAME))
    expect((await blocked.write('after')).status).toBe('failed')
    expect(await store.read()).toMatchObject({ status: 'ok', payload: 'before' })
  })
})
