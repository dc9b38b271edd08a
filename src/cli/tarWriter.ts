// A minimal ustar writer for build contexts. A file whose bytes the sandbox does not hold (a 12 MB model file)
// is sent empty with a pax header `STACKLAB.size` carrying its simulated size.
const encoder = new TextEncoder()

function header(name: string, size: number, type: '0' | 'x'): Uint8Array {
  const h = new Uint8Array(512)
  const put = (text: string, at: number, len: number) => h.set(encoder.encode(text).subarray(0, len), at)
  put(name, 0, 100)
  put('0000644\0', 100, 8)
  put('0000000\0', 108, 8)
  put('0000000\0', 116, 8)
  put(size.toString(8).padStart(11, '0') + '\0', 124, 12)
  put('00000000000\0', 136, 12)
  put('        ', 148, 8)
  put(type, 156, 1)
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  let sum = 0
  for (const b of h) sum += b
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8)
  return h
}

const pad = (n: number): number => (512 - (n % 512)) % 512

export function writeTar(files: { path: string; sizeMb: number; text?: string }[]): Uint8Array {
  const parts: Uint8Array[] = []
  for (const f of files) {
    const content = encoder.encode(f.text ?? '')
    if (f.text === undefined) {
      const record = `STACKLAB.size=${Math.round(f.sizeMb * 1048576)}\n`
      const line = `${record.length + String(record.length + 3).length} ${record}`
      const pax = encoder.encode(line)
      parts.push(header(`PaxHeaders/${f.path}`.slice(0, 99), pax.length, 'x'), pax, new Uint8Array(pad(pax.length)))
    }
    parts.push(header(f.path, content.length, '0'), content, new Uint8Array(pad(content.length)))
  }
  parts.push(new Uint8Array(1024))
  const total = parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) { out.set(p, at); at += p.length }
  return out
}
