// Stable, made-up identifiers the API shows but the simulation does not model (endpoint and sandbox ids, pids).

/** 64 hex digits derived from `text` (FNV-1a rounds): deterministic, never random. */
export function derivedHex64(text: string): string {
  let out = ''
  for (let round = 0; out.length < 64; round++) {
    let h = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
    h ^= h >>> 15
    h = Math.imul(h, 0x2c1b3c6d)
    h ^= h >>> 12
    out += (h >>> 0).toString(16).padStart(8, '0')
  }
  return out.slice(0, 64)
}

/** A plausible host pid for a running container's main process (changes with every start). */
export function pidOf(containerId: string, gen: number): number {
  const n = parseInt(derivedHex64(`${containerId}:${gen}`).slice(0, 6), 16)
  return 1000 + (n % 60000)
}

/** dockerd's `02:42:` + the IPv4 address in hex ("172.17.0.2" → "02:42:ac:11:00:02"). */
export function macOf(ip: string): string {
  const parts = ip.split('.').map((p) => Number(p))
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return ''
  return ['02', '42', ...parts.map((p) => p.toString(16).padStart(2, '0'))].join(':')
}
