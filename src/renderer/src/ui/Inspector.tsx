// The selected instance in detail: its start phases, memory, the kernel it runs on, its processes as seen
// from inside and from the host, its isolation, its image layers. Every figure names its source.
import { useId } from 'react'
import type { Inspection, SourcedFigure } from './types'
import { useController, useSnapshot } from './useController'
import { SourceBadge } from './SourceBadge'
import { StateBadge } from './StateBadge'
import { formatMs } from './format'
import { ProcessView } from './ProcessView'

export function Inspector() {
  const controller = useController()
  const choices = useSnapshot((s) => s.instances.map((i) => `${i.key}|${i.kind}|${i.name}`), arraysEqual)
  const selectedKey = useSnapshot((s) => s.selectedKey)
  const inspection = useSnapshot((s) => s.inspection, (a, b) => a === b)
  const selectId = useId()
  return (
    <section className="panel inspector" aria-labelledby={`${selectId}-title`} data-testid="inspector">
      <div className="panel-head">
        <h2 id={`${selectId}-title`}>Inspector</h2>
        <label className="sr-only" htmlFor={selectId}>Instance to inspect</label>
        <select id={selectId} value={selectedKey ?? ''} onChange={(e) => controller.select(e.target.value || null)} data-testid="inspector-select">
          <option value="">Choose an instance…</option>
          {choices.map((c) => {
            const [key, kind, name] = c.split('|')
            return <option key={key} value={key}>{kind === 'vm' ? 'VM' : 'Container'} {name}</option>
          })}
        </select>
      </div>
      {inspection ? <InspectionView inspection={inspection} /> : (
        <p className="empty">Click a VM or a container on the stage, or choose one above, to see what it is made of.</p>
      )}
    </section>
  )
}

function arraysEqual(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function Figures({ figures }: { figures: readonly SourcedFigure[] }) {
  return (
    <dl className="figures">
      {figures.map((f) => (
        <div key={f.label} className="figure">
          <dt>{f.label}</dt>
          <dd><span className="value">{f.value}</span> <SourceBadge source={f.source} /></dd>
        </div>
      ))}
    </dl>
  )
}

function InspectionView({ inspection: i }: { inspection: Inspection }) {
  const total = i.phases.reduce((s, p) => s + p.ms, 0)
  return (
    <div className="inspection" data-testid={`inspection-${i.kind}-${i.name}`} tabIndex={0} role="region"
      aria-label={`Details of ${i.kind === 'vm' ? 'VM' : 'container'} ${i.name}`}>
      <h3 className="inspect-title">
        <span className="kind-tag">{i.kind === 'vm' ? 'VM' : 'Container'}</span> {i.name} <StateBadge state={i.state} />
      </h3>
      <p className="summary">{i.summary}</p>

      <h4>{i.kind === 'vm' ? 'Boot' : 'Start'} phases</h4>
      <p className="stopwatch-line">
        Stopwatch <strong data-testid="inspector-stopwatch">{i.stopwatchMs === null ? '–' : formatMs(i.stopwatchMs)}</strong>
        {i.startupMs !== null ? ' (ready)' : i.stopwatchMs !== null ? ' (running)' : ''}
      </p>
      <table className="phases">
        <thead><tr><th scope="col">Phase</th><th scope="col" className="num">ms</th><th scope="col">Source</th></tr></thead>
        <tbody>
          {i.phases.map((p) => (
            <tr key={p.name} className={`phase-${p.status}`}>
              <th scope="row"><span aria-hidden="true">{p.status === 'done' ? '✓ ' : p.status === 'current' ? '▶ ' : '· '}</span>{p.name}
                <span className="sr-only"> ({p.status})</span></th>
              <td className="num">{p.ms.toLocaleString('en-US')}</td>
              <td><SourceBadge source={p.source} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot><tr><th scope="row">Total</th><td className="num">{total.toLocaleString('en-US')}</td><td /></tr></tfoot>
      </table>

      <h4>Now</h4>
      <Figures figures={i.live} />

      <h4>Memory</h4>
      <Figures figures={i.memory} />

      <h4>Kernel</h4>
      <p><strong>{i.kernel.text}</strong></p>
      <p className="explain">{i.kernel.explanation}</p>

      <h4>Processes: inside vs from the host</h4>
      <ProcessView />

      <h4>Isolation</h4>
      <p className="explain">{i.isolationNote}</p>
      <Figures figures={i.isolation} />

      {i.layers && (
        <>
          <h4>Image layers</h4>
          <ol className="layers">
            {i.layers.map((l, n) => (
              <li key={n}><span className="layer-size">{l.sizeMb < 1 ? `${Math.round(l.sizeMb * 1024)} kB` : `${l.sizeMb.toFixed(1)} MB`}</span>{' '}
                <code className="layer-cmd">{l.createdBy}</code> <SourceBadge source={l.source} /></li>
            ))}
          </ol>
        </>
      )}
    </div>
  )
}
