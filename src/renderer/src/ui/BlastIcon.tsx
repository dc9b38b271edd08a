// The blast radius's icons, the same shapes the stage draws: ✕ hit, ⚠ affected, ✓ safe, shield held, bolt failed.
// Always beside a word (lab.verdict.<tone>); never the only way a verdict is told.
import type { Verdict } from './labTypes'

export type BlastTone = Verdict | 'held' | 'failed'

const PATHS: Record<BlastTone, { d: string; stroke: boolean }> = {
  hit: { d: 'M3.5 3.5l9 9M12.5 3.5l-9 9', stroke: true },
  safe: { d: 'M2.5 8.8l3.6 3.7 7.4-9', stroke: true },
  affected: { d: 'M8 1.5l7 12.5H1zM7.2 6h1.6v4.2H7.2zM7.2 11.2h1.6v1.6H7.2z', stroke: false },
  held: { d: 'M8 0.5l6.5 2.4-1 6.9L8 15.5 2.5 9.8l-1-6.9z', stroke: false },
  failed: { d: 'M9.6 0.5L2.5 9.3h4.8l-1.4 6.2 7.6-9.5H8.6z', stroke: false }
}

export function BlastIcon({ tone }: { tone: BlastTone }) {
  const p = PATHS[tone]
  return (
    <svg className={`blast-icon blast-icon-${tone}`} width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {p.stroke
        ? <path d={p.d} fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
        : <path d={p.d} fill="currentColor" fillRule="evenodd" />}
    </svg>
  )
}
