// Sizes and durations as docker and the command language write them.

/** "256m", "2g", "1.5g", "512mb", "100k", "1048576" (bytes) → MiB; null if malformed. */
export function parseSizeMb(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)(i?b)?$/i.exec(text.trim())
  if (!m) return null
  const n = Number(m[1])
  const unit = (m[2] ?? '').toLowerCase()
  const factor: Record<string, number> = { '': 1 / 1048576, b: 1 / 1048576, k: 1 / 1024, m: 1, g: 1024, t: 1048576 }
  if (unit === '' && m[3]) return n * (m[3].toLowerCase() === 'b' ? 1 / 1048576 : NaN)
  const f = factor[unit]
  return f === undefined || !Number.isFinite(n) ? null : n * f
}

/** "500ms", "30s", "2m", "1m30s", "1h", "1.5s" → ms; null if malformed or empty. */
export function parseDurationMs(text: string): number | null {
  const t = text.trim()
  if (!t || !/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(t)) return null
  let total = 0
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    const n = Number(m[1])
    total += n * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[m[2] as 'ms' | 's' | 'm' | 'h']
  }
  return Math.round(total)
}

export const round1 = (n: number): number => Math.round(n * 10) / 10

/** Go's units.HumanSize (decimal, 3 significant digits): 192MB, 7.8MB, 13.3kB, 0B. */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB']
  let i = 0
  let n = bytes
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++ }
  return `${Number(n.toPrecision(3))}${units[i]}`
}

/** Go's units.BytesSize (binary): 7.318MiB, 256MiB, 1.5GiB. */
export function bytesSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let i = 0
  let n = bytes
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++ }
  return `${Number(n.toPrecision(4))}${units[i]}`
}

/** Go's units.HumanDuration, as `docker ps` STATUS and CREATED print it. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000)
  if (s < 1) return 'Less than a second'
  if (s === 1) return '1 second'
  if (s < 60) return `${s} seconds`
  const m = Math.floor(s / 60)
  if (m === 1) return 'About a minute'
  if (m < 60) return `${m} minutes`
  const h = Math.round(s / 3600)
  if (h === 1) return 'About an hour'
  if (h < 48) return `${h} hours`
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`
  return `${Math.floor(h / 24 / 365)} years`
}

export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}
