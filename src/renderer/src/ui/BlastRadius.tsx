// What the last fault did, in words: a caption, the boundary that held or failed, every instance marked hit,
// affected or safe (icon + word, never colour alone), and the way back: rewind to the checkpoint taken before,
// or run it again with a limit. For "same fault, both stacks", the two outcomes side by side.
import { useEffect, useId, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { BlastEntry, ExperimentView, SideView } from './labTypes'
import { useLab, useLabSnapshot } from './useLab'
import { BlastIcon } from './BlastIcon'
import { Icon } from './Icon'

/** The live region: always in the page (outside any hidden tab), so a screen reader hears each new outcome. */
export function LabAnnouncer() {
  const announcement = useLabSnapshot((s) => s.experiment?.announcement ?? '')
  return <p className="sr-only" aria-live="polite" data-testid="blast-live">{announcement}</p>
}

export function BlastRadius() {
  const { t } = useTranslation()
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
            <span className={`blast-status status-${experiment.status}`}>{t(experiment.status === 'live' ? 'lab.result.live' : 'lab.result.rewound')}</span>
          </header>
          {experiment.status === 'rewound'
            ? <p className="blast-caption" data-testid="blast-caption">{experiment.announcement}</p>
            : experiment.mode === 'compare'
              ? <Comparison experiment={experiment} />
              : experiment.sides[0] && <SideResult side={experiment.sides[0]} />}
          <div className="blast-actions">
            {experiment.status === 'live'
              ? <button type="button" onClick={() => void lab.rewindToBefore()} disabled={busy} data-testid="rewind-before"><Icon name="rewind" /> {t('lab.result.rewindBefore')}</button>
              : <button type="button" onClick={() => void lab.runAgain(false)} disabled={busy} data-testid="run-again">{t('lab.result.runAgain')}</button>}
            {experiment.suggestion && (
              <button type="button" className="primary" onClick={() => void lab.runAgain(true)} disabled={busy} data-testid="run-again-limit"
                aria-describedby={`${titleId}-why`}>
                {experiment.suggestion.label}
              </button>
            )}
            <button type="button" className="blast-close" onClick={() => lab.dismiss()} disabled={busy} aria-label={t('lab.result.closeLabel')}>{t('lab.result.close')}</button>
          </div>
          {experiment.suggestion && <p className="hint" id={`${titleId}-why`}>{capitalise(experiment.suggestion.why)}.</p>}
          <p className="hint blast-checkpoint">
            <Trans i18nKey="lab.result.checkpoint" t={t} values={{ checkpoint: experiment.checkpoint }} components={{ code: <code /> }} />
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
  const { t } = useTranslation()
  if (side.boundaries.length === 0) return null
  return (
    <ul className="boundaries" aria-label={t('lab.result.boundaries')}>
      {side.boundaries.map((b) => (
        <li key={b.layerId} className={`boundary tone-${b.held ? 'held' : 'failed'}`} data-testid={`boundary-${b.held ? 'held' : 'failed'}`}>
          <BlastIcon tone={b.held ? 'held' : 'failed'} /> <strong>{t(b.held ? 'lab.verdict.held' : 'lab.verdict.failed')}:</strong> {b.what}
        </li>
      ))}
    </ul>
  )
}

function Entry({ entry: e }: { entry: BlastEntry }) {
  const { t } = useTranslation()
  return (
    <li className={`blast-entry tone-${e.verdict}${e.kind === 'host' ? ' host-row' : ''}`} data-testid={`blast-${e.kind}-${e.name}`} data-verdict={e.verdict}>
      <span className="verdict"><BlastIcon tone={e.verdict} /> {t(`lab.verdict.${e.verdict}`)}</span>
      <span className="blast-line">
        <span className="kind-tag">{t(e.kind === 'vm' ? 'lab.kind.vm' : e.kind === 'host' ? 'lab.kind.host' : 'lab.kind.ctr')}</span> <strong>{e.name}</strong>
        {e.kind !== 'host' && e.where !== e.host && <span className="where"> {t('lab.result.in', { where: e.where })}</span>}
        {e.source && <span className="fault-here"> {t('lab.result.faultHere')}</span>}
        <span className="detail"> — {e.detail}</span>
      </span>
    </li>
  )
}

/** Grouped by host: the host's own fate first, then what ran on it. */
const RANK: Record<BlastEntry['verdict'], number> = { hit: 0, affected: 1, safe: 2 }

function BlastList({ entries, label }: { entries: readonly BlastEntry[]; label: string }) {
  const { t } = useTranslation()
  // the host where the fault was injected first, then the hardest hit
  const score = (host: string): number => Math.min(...entries.filter((e) => e.host === host).map((e) => (e.source ? -1 : RANK[e.verdict])))
  const hosts = entries.filter((e) => e.kind === 'host').sort((a, b) => score(a.name) - score(b.name))
  return (
    <ul className="blast-hosts" aria-label={label} data-testid="blast-list">
      {hosts.map((h) => {
        const inside = entries.filter((e) => e.kind !== 'host' && e.host === h.name)
        return (
          <li key={h.key} className="blast-host">
            <ul className="blast-list" aria-label={t('lab.result.onHost', { host: h.name })}>
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
  const { t } = useTranslation()
  return (
    <div className="blast-side">
      <p className="blast-caption" data-testid="blast-caption">{side.caption}</p>
      {side.now && <p className="blast-now" data-testid="blast-now"><span className="now-label">{t('lab.result.now')}</span> {side.now}</p>}
      {side.pending && <p className="hint">{t('lab.result.jumpAhead')}</p>}
      <Boundaries side={side} />
      <BlastList entries={side.entries} label={t('lab.result.list')} />
    </div>
  )
}

function Comparison({ experiment }: { experiment: ExperimentView }) {
  const { t } = useTranslation()
  const sides = experiment.sides
  const stateCell = (s: SideView): string => {
    const state = t(`state.${s.target.state}`, { defaultValue: s.target.state })
    if (s.target.exitCode === null || s.target.state === 'running') return state
    return t(s.target.oomKilled ? 'lab.result.exitOom' : 'lab.result.exit', { state, code: s.target.exitCode })
  }
  const boundaryCell = (s: SideView): string =>
    s.boundaries.map((b) => t('lab.result.boundaryCell', { verdict: t(`lab.result.boundaryWord.${b.held ? 'held' : 'failed'}`), tag: b.tag })).join('; ') ||
    (s.pending ? t('lab.result.notReached') : '–')
  // [test id, label, cell]: the test ids stay English whatever the language
  const rows: [string, string, (s: SideView) => string][] = [
    ['state', t('lab.result.row.state'), stateCell],
    ['went-down', t('lab.result.row.wentDown'), (s) => (s.died.length ? s.died.join(', ') : t('lab.result.nobody'))],
    ['kept-running', t('lab.result.row.keptRunning'), (s) => (s.keptRunning.length ? s.keptRunning.join(', ') : t('lab.result.nobody'))],
    ['its-host', t('lab.result.row.itsHost'), (s) => s.hostDid],
    ['boundary', t('lab.result.row.boundary'), boundaryCell]
  ]
  return (
    <div className="comparison" data-testid="comparison">
      <table className="compare-table">
        <thead>
          <tr>
            <td />
            {sides.map((s) => (
              <th key={s.key} scope="col">
                <span className="kind-tag">{t(s.kind === 'vm' ? 'lab.kind.vm' : 'lab.kind.ctr')}</span> {s.name}
                <span className="compare-host">{t('lab.result.compareOn', { host: s.host })}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([rowId, label, cell]) => (
            <tr key={rowId}>
              <th scope="row">{label}</th>
              {sides.map((s) => <td key={s.key} data-testid={`compare-${s.kind}-${rowId}`}>{cell(s)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {sides.map((s) => (
        <section key={s.key} className={`compare-side side-${s.kind}`} aria-label={s.title} data-testid={`compare-side-${s.kind}`}>
          <h4>{t(`lab.result.side.${s.kind}`)}</h4>
          <p className="blast-caption" data-testid={`compare-caption-${s.kind}`}>{s.caption}</p>
          {s.now && <p className="blast-now"><span className="now-label">{t('lab.result.now')}</span> {s.now}</p>}
        </section>
      ))}
    </div>
  )
}
