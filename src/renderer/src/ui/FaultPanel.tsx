// "Break it": the isolation lab's buttons. Each fault on the selected instance takes a checkpoint, then runs the
// `fault …` command line; "same fault, both stacks" runs it on a container and a VM of the same workload.
import { useId, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import './lab.css'
import { FAULT_KINDS, type FaultKind, type FaultOptions } from './labTypes'
import { useController, useSnapshot } from './useController'
import { useLab, useLabSnapshot } from './useLab'
import { StateBadge } from './StateBadge'
import { BlastRadius } from './BlastRadius'

// the fault's label (button), name (lists) and help (tooltip) are lab.fault.<kind>.label / .name / .help
const FAULT_ICONS: Readonly<Record<FaultKind, string>> = {
  panic: 'M9.6 0.5L2.5 9.3h4.8l-1.4 6.2 7.6-9.5H8.6z',
  leak: 'M8 1C8 1 3 7 3 10.2A5 5 0 0 0 13 10.2C13 7 8 1 8 1z',
  'cpu-hog': 'M4.5 4.5h7v7h-7zM6 1v2.5M10 1v2.5M6 12.5V15M10 12.5V15M1 6h2.5M1 10h2.5M12.5 6H15M12.5 10H15',
  'fork-bomb': 'M8 15V9M8 9L3.5 4.5M8 9l4.5-4.5M3.5 4.5V1.5M12.5 4.5V1.5M3.5 4.5H1M12.5 4.5H15',
  'disk-fill': 'M2.5 3.5C2.5 2 13.5 2 13.5 3.5v9c0 1.5-11 1.5-11 0zM2.5 3.5c0 1.5 11 1.5 11 0M2.5 8c0 1.5 11 1.5 11 0',
  escape: 'M9.5 2.5h-7v11h7M6.5 8H15M12 5l3 3-3 3'
}

const STROKED: ReadonlySet<FaultKind> = new Set(['cpu-hog', 'fork-bomb', 'disk-fill', 'escape'])

function FaultIcon({ kind }: { kind: FaultKind }) {
  const d = FAULT_ICONS[kind]
  return (
    <svg className="fault-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {STROKED.has(kind)
        ? <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        : <path d={d} fill="currentColor" />}
    </svg>
  )
}

/** the instances "same fault, both stacks" uses (app/IsolationLab's COMPARE_CONTAINER and COMPARE_VM) */
const COMPARE_NAMES = { container: 'nginx-ctr', vm: 'nginx-vm' } as const

const RATES = [50, 200, 500, 2000] as const
const THREADS = [2, 8, 32] as const

export function faultPreview(kind: FaultKind, name: string, options: FaultOptions): string {
  let line = `fault ${kind} ${name}`
  if (kind === 'leak' && options.rateMbPerS) line += ` --rate ${options.rateMbPerS}m/s`
  if (kind === 'cpu-hog' && options.threads) line += ` --threads ${options.threads}`
  return line
}

function arraysEqual(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

export function FaultPanel() {
  const { t } = useTranslation()
  const lab = useLab()
  const controller = useController()
  const target = useSnapshot((s) => {
    const i = s.instances.find((x) => x.key === s.selectedKey)
    return i ? `${i.key}|${i.kind}|${i.name}|${i.state}|${i.host}` : ''
  })
  const choices = useSnapshot((s) => s.instances.map((i) => `${i.key}|${i.kind}|${i.name}`), arraysEqual)
  const busy = useLabSnapshot((s) => s.busy)
  const [rate, setRate] = useState<number>(500)
  const [threads, setThreads] = useState<number>(8)
  const [compareFault, setCompareFault] = useState<FaultKind>('panic')
  const id = useId()
  const [key, kind, name, state, host] = target ? target.split('|') : []
  const running = state === 'running'
  const options: FaultOptions = { rateMbPerS: rate, threads }
  return (
    <section className="panel lab" aria-labelledby={`${id}-title`} data-testid="fault-panel">
      <div className="panel-head">
        <h2 id={`${id}-title`}>{t('lab.panel.title')}</h2>
        <label className="sr-only" htmlFor={`${id}-target`}>{t('lab.panel.target')}</label>
        <select id={`${id}-target`} value={key ?? ''} onChange={(e) => controller.select(e.target.value || null)} data-testid="lab-target-select">
          <option value="">{t('lab.panel.choose')}</option>
          {choices.map((c) => {
            const [k, kd, n] = c.split('|')
            return <option key={k} value={k}>{t(kd === 'vm' ? 'lab.named.vm' : 'lab.named.container', { name: n })}</option>
          })}
        </select>
      </div>
      <div className="lab-body">
        <BlastRadius />
        <div className="lab-controls">
          <h3 className="lab-heading">{t('lab.panel.inject')}</h3>
          {key && name ? (
            <>
              <p className="lab-target">
                <span className="kind-tag">{t(kind === 'vm' ? 'lab.kind.vm' : 'lab.kind.container')}</span> <strong>{name}</strong>{' '}
                <StateBadge state={state ?? ''} /> <span className="hint">{t('lab.panel.onHost', { host })}</span>
              </p>
              <div className="fault-grid" role="group" aria-label={t('lab.panel.faultsInto', { name })}>
                {FAULT_KINDS.map((f) => (
                  <button key={f} type="button" className={`fault-button fault-${f}`} disabled={!running || busy}
                    onClick={() => void lab.inject(key, f, options)} title={`${t(`lab.fault.${f}.help`)}\n$ ${faultPreview(f, name, options)}`}
                    data-testid={`fault-${f}`}>
                    <FaultIcon kind={f} /> <span>{t(`lab.fault.${f}.label`)}</span>
                  </button>
                ))}
              </div>
              {running
                ? <p className="hint"><Trans i18nKey="lab.panel.eachRuns" t={t} values={{ command: faultPreview('panic', name, {}).replace('panic', '…') }} components={{ code: <code /> }} /></p>
                : <p className="hint">{t('lab.panel.notRunning', { name, state: t(`state.${state ?? ''}`, { defaultValue: state ?? '' }) })}</p>}
            </>
          ) : (
            <p className="empty lab-empty">{t('lab.panel.empty')}</p>
          )}
          <div className="lab-options">
            <label>{t('lab.panel.leakRate')}{' '}
              <select value={rate} onChange={(e) => setRate(Number(e.target.value))} data-testid="leak-rate">
                {RATES.map((r) => <option key={r} value={r}>{r >= 1000 ? `${r / 1000} GiB/s` : `${r} MiB/s`}</option>)}
              </select>
            </label>
            <label>{t('lab.panel.hogThreads')}{' '}
              <select value={threads} onChange={(e) => setThreads(Number(e.target.value))} data-testid="hog-threads">
                {THREADS.map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
          </div>
        </div>
        <div className="compare-row" role="group" aria-labelledby={`${id}-compare`} aria-describedby={`${id}-compare-what`}>
          <h3 id={`${id}-compare`} className="lab-heading compare-label">{t('lab.panel.compareTitle')}</h3>
          <label className="sr-only" htmlFor={`${id}-compare-fault`}>{t('lab.panel.compareFault')}</label>
          <select id={`${id}-compare-fault`} value={compareFault} onChange={(e) => setCompareFault(e.target.value as FaultKind)} data-testid="compare-fault">
            {FAULT_KINDS.map((f) => <option key={f} value={f}>{t(`lab.fault.${f}.name`)}</option>)}
          </select>
          <button type="button" className="accent" disabled={busy} onClick={() => void lab.compare(compareFault, options)} data-testid="compare-run"
            title={t('lab.panel.compareTip', COMPARE_NAMES)}>
            {t('lab.panel.compare')}
          </button>
          <p className="hint compare-what" id={`${id}-compare-what`}>{t('lab.panel.compareWhat', COMPARE_NAMES)}</p>
        </div>
      </div>
    </section>
  )
}
