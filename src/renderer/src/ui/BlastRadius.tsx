// What the last fault did, in words: a caption, the boundary that held or failed, every instance marked hit,
// affected or safe (icon + word, never colour alone), and the way back: rewind to the checkpoint taken before,
// or run it again with a limit. For "same fault, both stacks", the two outcomes side by side.
import { useEffect, useId, useRef } from 'react'
import type { BlastEntry, ExperimentView, SideView } from './labTypes'
import { useLab, useLabSnapshot } from './useLab'
import { BlastIcon, VERDICT_WORDS } from './BlastIcon'
import { Icon } from './Icon'

/** The live region: always in the page (outside any hidden tab), so a screen reader hears each new outcome. */
export function LabAnnouncer() {
  const announcement = useLabSnapshot((s) => s.experiment?.announcement ?? '')
  return <p className="sr-only" aria-live="polite" data-testid="blast-live">{announcement}</p>
}

export function BlastRadius() {
  const lab = useLab()
  const experiment = useLabSnapshot((s) => s.experiment, Object.is)
  const error = useLabSnapshot((s) => s.error)
  const busy = useLabSnapshot((s) => s.busy)
  const titleId = useId()
  const article = useRef<HTMLElement | null>(null)
  // a new outcome (or a rewind) shows at the top of the lab, whatever was scrolled to before
  const id = experiment?.id ?? 0
  const status = experiment?.status ?? ''
  useEffect(() => {
    const body = article.current?.closest('.lab-body')
    if (body) body.scrollTop = 0
  }, [id, status])
  return (
    <>
      {error && <p className="form-error lab-error" role="alert" data-testid="lab-error">{error}</p>}
      {experiment && (
        <article ref={article} className={`blast blast-${experiment.status}`} aria-labelledby={titleId} data-testid="blast" data-status={experiment.status}>
          <header className="blast-head">
            <h3 id={titleId}>{experiment.title}</h3>
            <span className={`blast-status status-${experiment.status}`}>{experiment.status === 'live' ? 'after the fault' : 'rewound'}</span>
          </header>
          {experiment.status === 'rewound'
            ? <p className="blast-caption" data-testid="blast-caption">{experiment.announcement}</p>
            : experiment.mode === 'compare'
              ? <Comparison experiment={experiment} />
              : experiment.sides[0] && <SideResult side={experiment.sides[0]} />}
          <div className="blast-actions">
            {experiment.status === 'live'
              ? <button type="button" onClick={() => void lab.rewindToBefore()} disabled={busy} data-testid="rewind-before"><Icon name="rewind" /> Rewind to before</button>
              : <button type="button" onClick={() => void lab.runAgain(false)} disabled={busy} data-testid="run-again">Run it again</button>}
            {experiment.suggestion && (
              <button type="button" className="primary" onClick={() => void lab.runAgain(true)} disabled={busy} data-testid="run-again-limit"
                aria-describedby={`${titleId}-why`}>
                {experiment.suggestion.label}
              </button>
            )}
            <button type="button" className="blast-close" onClick={() => lab.dismiss()} disabled={busy} aria-label="Close the result">Close</button>
          </div>
          {experiment.suggestion && <p className="hint" id={`${titleId}-why`}>{capitalise(experiment.suggestion.why)}.</p>}
          <p className="hint blast-checkpoint">
            Checkpoint <code>{experiment.checkpoint}</code> was taken just before the fault; every step is in the terminal.
          </p>
        </article>
      )}
    </>
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function Boundaries({ side }: { side: SideView }) {
  if (side.boundaries.length === 0) return null
  return (
    <ul className="boundaries" aria-label="Boundaries">
      {side.boundaries.map((b) => (
        <li key={b.layerId} className={`boundary tone-${b.held ? 'held' : 'failed'}`} data-testid={`boundary-${b.held ? 'held' : 'failed'}`}>
          <BlastIcon tone={b.held ? 'held' : 'failed'} /> <strong>{b.held ? 'Held' : 'Failed'}:</strong> {b.what}
        </li>
      ))}
    </ul>
  )
}

function Entry({ entry: e }: { entry: BlastEntry }) {
  return (
    <li className={`blast-entry tone-${e.verdict}${e.kind === 'host' ? ' host-row' : ''}`} data-testid={`blast-${e.kind}-${e.name}`} data-verdict={e.verdict}>
      <span className="verdict"><BlastIcon tone={e.verdict} /> {VERDICT_WORDS[e.verdict]}</span>
      <span className="blast-line">
        <span className="kind-tag">{e.kind === 'vm' ? 'VM' : e.kind === 'host' ? 'Host' : 'CTR'}</span> <strong>{e.name}</strong>
        {e.kind !== 'host' && e.where !== e.host && <span className="where"> in {e.where}</span>}
        {e.source && <span className="fault-here"> · fault here</span>}
        <span className="detail"> — {e.detail}</span>
      </span>
    </li>
  )
}

/** Grouped by host: the host's own fate first, then what ran on it. */
const RANK: Record<BlastEntry['verdict'], number> = { hit: 0, affected: 1, safe: 2 }

function BlastList({ entries, label }: { entries: readonly BlastEntry[]; label: string }) {
  // the host where the fault was injected first, then the hardest hit
  const score = (host: string): number => Math.min(...entries.filter((e) => e.host === host).map((e) => (e.source ? -1 : RANK[e.verdict])))
  const hosts = entries.filter((e) => e.kind === 'host').sort((a, b) => score(a.name) - score(b.name))
  return (
    <ul className="blast-hosts" aria-label={label} data-testid="blast-list">
      {hosts.map((h) => {
        const inside = entries.filter((e) => e.kind !== 'host' && e.host === h.name)
        return (
          <li key={h.key} className="blast-host">
            <ul className="blast-list" aria-label={`On ${h.name}`}>
              <Entry entry={h} />
              {inside.map((e) => <Entry key={e.key} entry={e} />)}
            </ul>
          </li>
        )
      })}
    </ul>
  )
}

function SideResult({ side }: { side: SideView }) {
  return (
    <div className="blast-side">
      <p className="blast-caption" data-testid="blast-caption">{side.caption}</p>
      {side.now && <p className="blast-now" data-testid="blast-now"><span className="now-label">Now</span> {side.now}</p>}
      {side.pending && <p className="hint">Use Step (+1 s / +10 s) in the toolbar to jump ahead.</p>}
      <Boundaries side={side} />
      <BlastList entries={side.entries} label="Blast radius: what was hit and what was safe, host by host" />
    </div>
  )
}

function Comparison({ experiment }: { experiment: ExperimentView }) {
  const sides = experiment.sides
  const rows: [string, (s: SideView) => string][] = [
    ['State', (s) => s.target.state + (s.target.exitCode !== null && s.target.state !== 'running' ? ` (exit ${s.target.exitCode}${s.target.oomKilled ? ', OOM-killed' : ''})` : '')],
    ['Went down', (s) => (s.died.length ? s.died.join(', ') : 'nobody')],
    ['Kept running', (s) => (s.keptRunning.length ? s.keptRunning.join(', ') : 'nobody')],
    ['Its host', (s) => s.hostDid],
    ['Boundary', (s) => s.boundaries.map((b) => `${b.held ? 'held' : 'failed'}: ${b.tag}`).join('; ') || (s.pending ? 'not reached yet' : '–')]
  ]
  return (
    <div className="comparison" data-testid="comparison">
      <table className="compare-table">
        <thead>
          <tr>
            <td />
            {sides.map((s) => (
              <th key={s.key} scope="col">
                <span className="kind-tag">{s.kind === 'vm' ? 'VM' : 'CTR'}</span> {s.name}
                <span className="compare-host">on {s.host}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {sides.map((s) => <td key={s.key} data-testid={`compare-${s.kind}-${label.toLowerCase().replace(/ /g, '-')}`}>{cell(s)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {sides.map((s) => (
        <section key={s.key} className={`compare-side side-${s.kind}`} aria-label={s.title} data-testid={`compare-side-${s.kind}`}>
          <h4>{s.kind === 'vm' ? 'VM' : 'Container'} side</h4>
          <p className="blast-caption" data-testid={`compare-caption-${s.kind}`}>{s.caption}</p>
          {s.now && <p className="blast-now"><span className="now-label">Now</span> {s.now}</p>}
        </section>
      ))}
    </div>
  )
}
