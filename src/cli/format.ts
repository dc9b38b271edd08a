// Output as the docker CLI prints it: tabwriter tables (min width 10, padding 3), Go's size and duration units.
import { humanDuration } from '../sim/index.ts'

/**
 * Go's text/tabwriter with minwidth 10, padding 3 as docker's formatter uses; the last column is not padded.
 * `docker top` writes through its own tabwriter with minwidth 20.
 */
export function tabTable(headers: string[], rows: string[][], minWidth = 10): string {
  const all = [headers, ...rows]
  const widths = headers.map((_, i) => Math.max(minWidth, ...all.map((r) => [...(r[i] ?? '')].length + 3)))
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('').trimEnd()).join('\n') + '\n'
}

export const ago = (nowMs: number, thenMs: number): string => `${humanDuration(Math.max(0, nowMs - thenMs))} ago`

/** docker truncates COMMAND to 20 characters with an ellipsis and quotes it. */
export function ellipsis(s: string, max: number): string {
  const chars = [...s]
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…'
}

export function portsText(ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[]): string {
  return ports.map((p) => {
    if (p.PublicPort === undefined) return `${p.PrivatePort}/${p.Type}`
    const ip = p.IP === '::' ? '[::]' : (p.IP ?? '0.0.0.0')
    return `${ip}:${p.PublicPort}->${p.PrivatePort}/${p.Type}`
  }).join(', ')
}

/** Unix ms → the "seconds.nanoseconds" text docker's GetTimestamp sends for `--since`/`--until` dates. */
export function unixTimestampText(ms: number): string {
  const micros = Math.round(ms * 1000)
  const secs = Math.floor(micros / 1e6)
  return `${secs}.${String((micros - secs * 1e6) * 1000).padStart(9, '0')}`
}
