// Virtual time as dockerd writes it. By default virtual time 0 is 2025-01-01T00:00:00Z (DESIGN.md "Time"); a
// server that follows the wall clock (`npm run engine`) moves the epoch so that "2 seconds ago" reads right.

export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1)
/** Go's zero time.Time, as dockerd writes an unset StartedAt/FinishedAt. */
export const ZERO_TIME = '0001-01-01T00:00:00Z'

function isoSeconds(unixSecondsValue: number): string | null {
  const date = new Date(unixSecondsValue * 1000)
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 19)
}

/** Go's time.RFC3339Nano of a Unix time in µs: the fraction with trailing zeros dropped ("…:05.2Z", "…:05Z"). */
function rfc3339NanoOfMicros(micros: number): string {
  const secs = Math.floor(micros / 1e6)
  const base = isoSeconds(secs)
  if (base === null) return ZERO_TIME
  const frac = micros - secs * 1e6
  if (frac === 0) return `${base}Z`
  return `${base}.${`${String(frac).padStart(6, '0')}000`.replace(/0+$/, '')}Z`
}

export class TimeFormat {
  constructor(readonly epochMs: number = DEFAULT_EPOCH_MS) {}

  /** Whole microseconds since the Unix epoch (clock values may carry fractions of a ms). */
  private micros(virtualMs: number): number {
    return Math.round((this.epochMs + virtualMs) * 1000)
  }

  /** Unix seconds (`Created` in list responses, `time` in events). */
  unixSeconds(virtualMs: number): number {
    return Math.floor((this.epochMs + virtualMs) / 1000)
  }

  rfc3339Nano(virtualMs: number | null): string {
    if (virtualMs === null || !Number.isFinite(virtualMs)) return ZERO_TIME
    return rfc3339NanoOfMicros(this.micros(virtualMs))
  }

  /** docker's RFC3339NanoFixed (always nine fraction digits), the `logs --timestamps` prefix. */
  rfc3339NanoFixed(virtualMs: number): string {
    const micros = Number.isFinite(virtualMs) ? this.micros(virtualMs) : 0
    const secs = Math.floor(micros / 1e6)
    const base = isoSeconds(secs) ?? '1970-01-01T00:00:00'
    return `${base}.${String(micros - secs * 1e6).padStart(6, '0')}000Z`
  }

  /** Nanoseconds since the Unix epoch as exact decimal text (beyond 2^53, so never a JS number). */
  unixNanoText(virtualMs: number): string {
    const micros = Number.isFinite(virtualMs) ? this.micros(virtualMs) : 0
    return (BigInt(micros) * 1000n).toString()
  }

  /**
   * A `since`/`until` query value as virtual ms: unix seconds with an optional fraction ("1735689605",
   * "1735689605.500000000", what the CLI sends) or an RFC 3339 date. null when unreadable.
   */
  virtualMsOf(text: string): number | null {
    const t = text.trim()
    const m = /^(-?\d+)(?:\.(\d{1,9}))?$/.exec(t)
    if (m) {
      const secs = Number(m[1])
      const frac = m[2] ? Number(`0.${m[2]}`) : 0
      if (!Number.isFinite(secs)) return null
      return (secs + frac) * 1000 - this.epochMs
    }
    if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null
    const ms = Date.parse(t)
    return Number.isNaN(ms) ? null : ms - this.epochMs
  }

  /**
   * An image's creation date. Catalog images carry fixed past dates; a built image's date was written by the
   * simulation from virtual time (on the default epoch), so it moves with the epoch like every virtual time.
   */
  imageCreatedMs(iso: string): number | null {
    const ms = Date.parse(iso)
    if (Number.isNaN(ms)) return null
    return ms >= DEFAULT_EPOCH_MS ? ms - DEFAULT_EPOCH_MS + this.epochMs : ms
  }

  imageCreatedSeconds(iso: string): number {
    const ms = this.imageCreatedMs(iso)
    return ms === null ? 0 : Math.floor(ms / 1000)
  }

  imageCreatedText(iso: string): string {
    const ms = this.imageCreatedMs(iso)
    return ms === null ? ZERO_TIME : rfc3339NanoOfMicros(Math.round(ms * 1000))
  }
}
