// "Break it": the isolation lab's buttons. Each fault on the selected instance takes a checkpoint, then runs the
// `fault …` command line; "same fault, both stacks" runs it on a container and a VM of the same workload.
import { useId, useState } from 'react'
import './lab.css'
import { FAULT_KINDS, type FaultKind, type FaultOptions } from './labTypes'
import { useController, useSnapshot } from './useController'
import { useLab, useLabSnapshot } from './useLab'
import { StateBadge } from './StateBadge'
import { BlastRadius } from './BlastRadius'

interface FaultInfo { readonly label: string; readonly name: string; readonly help: string; readonly icon: string }

export const FAULTS: Readonly<Record<FaultKind, FaultInfo>> = {
  panic: { label: 'Panic', name: 'Kernel panic', help: 'The kernel under it stops: a guest kernel for a VM, the shared host kernel for a container.', icon: 'M9.6 0.5L2.5 9.3h4.8l-1.4 6.2 7.6-9.5H8.6z' },
  leak: { label: 'Leak', name: 'Memory leak', help: 'Allocates memory and never frees it, at the rate chosen below.', icon: 'M8 1C8 1 3 7 3 10.2A5 5 0 0 0 13 10.2C13 7 8 1 8 1z' },
  'cpu-hog': { label: 'CPU hog', name: 'CPU hog', help: 'Busy threads that never sleep: a noisy neighbour.', icon: 'M4.5 4.5h7v7h-7zM6 1v2.5M10 1v2.5M6 12.5V15M10 12.5V15M1 6h2.5M1 10h2.5M12.5 6H15M12.5 10H15' },
  'fork-bomb': { label: 'Fork bomb', name: 'Fork bomb', help: 'Processes that fork themselves until PIDs run out.', icon: 'M8 15V9M8 9L3.5 4.5M8 9l4.5-4.5M3.5 4.5V1.5M12.5 4.5V1.5M3.5 4.5H1M12.5 4.5H15' },
  'disk-fill': { label: 'Disk fill', name: 'Disk fill', help: 'Writes until the disk it writes to is full.', icon: 'M2.5 3.5C2.5 2 13.5 2 13.5 3.5v9c0 1.5-11 1.5-11 0zM2.5 3.5c0 1.5 11 1.5 11 0M2.5 8c0 1.5 11 1.5 11 0' },
  escape: { label: 'Escape', name: 'Escape attempt', help: 'A breakout attempt: mount the host filesystem, load a module, reach the neighbours.', icon: 'M9.5 2.5h-7v11h7M6.5 8H15M12 5l3 3-3 3' }
}

const STROKED: ReadonlySet<FaultKind> = new Set(['cpu-hog', 'fork-bomb', 'disk-fill', 'escape'])

function FaultIcon({ kind }: { kind: FaultKind }) {
  const d = FAULTS[kind].icon
  return (
    <svg className="fault-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {STROKED.has(kind)
        ? <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        : <path d={d} fill="currentColor" />}
    </svg>
  )
}

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
        <h2 id={`${id}-title`}>Break it</h2>
        <label className="sr-only" htmlFor={`${id}-target`}>Instance to break</label>
        <select id={`${id}-target`} value={key ?? ''} onChange={(e) => controller.select(e.target.value || null)} data-testid="lab-target-select">
          <option value="">Choose an instance…</option>
          {choices.map((c) => {
            const [k, kd, n] = c.split('|')
            return <option key={k} value={k}>{kd === 'vm' ? 'VM' : 'Container'} {n}</option>
          })}
        </select>
      </div>
      <div className="lab-body">
        <BlastRadius />
        <div className="lab-controls">
          <h3 className="lab-heading">Inject a fault</h3>
          {key && name ? (
            <>
              <p className="lab-target">
                <span className="kind-tag">{kind === 'vm' ? 'VM' : 'Container'}</span> <strong>{name}</strong>{' '}
                <StateBadge state={state ?? ''} /> <span className="hint">on {host}</span>
              </p>
              <div className="fault-grid" role="group" aria-label={`Faults to inject into ${name}`}>
                {FAULT_KINDS.map((f) => (
                  <button key={f} type="button" className={`fault-button fault-${f}`} disabled={!running || busy}
                    onClick={() => void lab.inject(key, f, options)} title={`${FAULTS[f].help}\n$ ${faultPreview(f, name, options)}`}
                    data-testid={`fault-${f}`}>
                    <FaultIcon kind={f} /> <span>{FAULTS[f].label}</span>
                  </button>
                ))}
              </div>
              {running
                ? <p className="hint">Each one takes a checkpoint, then runs <code>{faultPreview('panic', name, {}).replace('panic', '…')}</code> in the terminal.</p>
                : <p className="hint">{name} is {state}: start it (or rewind) to break it.</p>}
            </>
          ) : (
            <p className="empty lab-empty">Choose a VM or a container above (or click it on the stage) to break it on purpose, and watch what else falls.</p>
          )}
          <div className="lab-options">
            <label>Leak rate{' '}
              <select value={rate} onChange={(e) => setRate(Number(e.target.value))} data-testid="leak-rate">
                {RATES.map((r) => <option key={r} value={r}>{r >= 1000 ? `${r / 1000} GiB/s` : `${r} MiB/s`}</option>)}
              </select>
            </label>
            <label>Hog threads{' '}
              <select value={threads} onChange={(e) => setThreads(Number(e.target.value))} data-testid="hog-threads">
                {THREADS.map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
            </label>
          </div>
        </div>
        <div className="compare-row" role="group" aria-labelledby={`${id}-compare`} aria-describedby={`${id}-compare-what`}>
          <h3 id={`${id}-compare`} className="lab-heading compare-label">Same fault, both stacks</h3>
          <label className="sr-only" htmlFor={`${id}-compare-fault`}>Fault to run on a container and on a VM</label>
          <select id={`${id}-compare-fault`} value={compareFault} onChange={(e) => setCompareFault(e.target.value as FaultKind)} data-testid="compare-fault">
            {FAULT_KINDS.map((f) => <option key={f} value={f}>{FAULTS[f].name}</option>)}
          </select>
          <button type="button" className="accent" disabled={busy} onClick={() => void lab.compare(compareFault, options)} data-testid="compare-run"
            title="Makes sure nginx runs in a container (nginx-ctr) and an Alpine VM (nginx-vm) is up, then runs the fault on both">
            Compare
          </button>
          <p className="hint compare-what" id={`${id}-compare-what`}>nginx in a container (nginx-ctr) and an Alpine VM (nginx-vm), created if missing.</p>
        </div>
      </div>
    </section>
  )
}
