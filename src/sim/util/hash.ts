/** A deterministic 64-hex-digit id from a string (FNV-1a with 8 seeds): stable ids, not cryptography. */
export function hex64(input: string): string {
  let out = ''
  for (let k = 0; k < 8; k++) {
    let h = (0x811c9dc5 ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i)
      h = Math.imul(h, 0x01000193) >>> 0
    }
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b) >>> 0
    h ^= h >>> 13
    out += (h >>> 0).toString(16).padStart(8, '0') // `^=` gives a signed int: back to unsigned before printing
  }
  return out
}
