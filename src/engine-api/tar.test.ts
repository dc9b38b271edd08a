import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanPath, readTar, textOf, writeTar } from './tar.ts'

const encoder = new TextEncoder()

function paxEntry(path: string, content: string): Uint8Array {
  // a PAX header ('x') naming the next entry, as Go's archive/tar writes long names
  const record = (key: string, value: string): string => {
    const body = ` ${key}=${value}\n`
    let len = body.length + 1
    while (String(len).length + body.length !== len) len = String(len).length + body.length
    return `${len}${body}`
  }
  const pax = writeTar([{ path: 'PaxHeaders/x', content: record('path', path) }]).slice(0, 1024)
  pax[156] = 'x'.charCodeAt(0)
  // re-checksum the modified header
  for (let i = 148; i < 156; i++) pax[i] = 0x20
  let sum = 0
  for (let i = 0; i < 512; i++) sum += pax[i]!
  pax.set(encoder.encode(sum.toString(8).padStart(6, '0') + '\0 '), 148)
  const file = writeTar([{ path: 'short', content }])
  const out = new Uint8Array(pax.length + file.length)
  out.set(pax, 0)
  out.set(file, pax.length)
  return out
}

describe('tar reader', () => {
  it('reads what writeTar writes, regular files only', () => {
    const tar = writeTar([{ path: 'Dockerfile', content: 'FROM alpine\n' }, { path: 'src/app.py', content: 'print(1)\n' }])
    const r = readTar(tar)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)])).toEqual([['Dockerfile', 'FROM alpine\n'], ['src/app.py', 'print(1)\n']])
  })

  it('takes long names from PAX headers', () => {
    const long = `${'d'.repeat(120)}/file.txt`
    const r = readTar(paxEntry(long, 'x'))
    expect(r.ok && r.files.map((f) => f.path)).toEqual([long])
  })

  it('never trusts a size beyond the buffer, and refuses a corrupt header', () => {
    const tar = writeTar([{ path: 'a', content: 'hello' }])
    expect(readTar(tar.slice(0, 512 + 2))).toEqual({ ok: false, message: 'unexpected end of tar archive' })
    const corrupt = tar.slice()
    corrupt[0] = 'b'.charCodeAt(0)
    expect(readTar(corrupt).ok).toBe(false)
  })

  it('drops paths that climb out of the context', () => {
    expect(cleanPath('./a/./b')).toBe('a/b')
    expect(cleanPath('../etc/passwd')).toBe(null)
    expect(cleanPath('/')).toBe(null)
  })

  it('keeps text only for small valid UTF-8 files', () => {
    expect(textOf(encoder.encode('héllo'))).toBe('héllo')
    expect(textOf(new Uint8Array([0xff, 0xfe]))).toBe(undefined)
    expect(textOf(new Uint8Array(70 * 1024))).toBe(undefined)
  })

  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
      const r = readTar(bytes)
      expect(typeof r.ok).toBe('boolean')
    }), { numRuns: 300 })
    const valid = writeTar([{ path: 'Dockerfile', content: 'FROM alpine\n' }])
    fc.assert(fc.property(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, value) => {
      const copy = valid.slice()
      copy[at] = value
      readTar(copy)
    }), { numRuns: 300 })
  })
})
