// Every instance's latest start, phase by phase, on one time scale: a VM's boot next to a container's start.
import { useState } from 'react'
import { useSnapshot } from './useController'
import { formatMs } from './format'
import { StateBadge } from './StateBadge'

export function Timeline() {
  const instances = useSnapshot((s) => s.instances, (a, b) => a === b)
  const [scale, setScale] = useState<'linear' | 'log'>('linear')
  const started = instances.filter((i) => i.phases.length > 0)
  const longest = Math.max(1, ...started.map((i) => i.phases.reduce((s, p) => s + p.ms, 0)))
  const position = (ms: number) => (scale === 'linear' ? ms / longest : Math.log10(1 + ms) / Math.log10(1 + longest))
  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-head">
        <p className="hint">Each start, phase by phase; the number is its stopwatch.</p>
        <fieldset className="scale-switch">
          <legend className="sr-only">Time scale</legend>
          <label><input type="radio" name="timeline-scale" checked={scale === 'linear'} onChange={() => setScale('linear')} /> linear</label>
          <label><input type="radio" name="timeline-scale" checked={scale === 'log'} onChange={() => setScale('log')} /> log</label>
        </fieldset>
      </div>
      {started.length === 0 ? <p className="empty">Nothing has started yet.</p> : (
        <ul className="timeline-rows">
          {started.map((i) => {
            let acc = 0
            return (
              <li key={i.key} className="timeline-row">
                <span className="timeline-name"><span className="kind-tag">{i.kind === 'vm' ? 'VM' : 'ctr'}</span> {i.name}</span>
                <span className="timeline-track" aria-hidden="true">
                  {i.phases.map((p, n) => {
                    const left = position(acc)
                    acc += p.ms
                    const width = Math.max(0.002, position(acc) - left)
                    return (
                      <span key={p.name} className={`timeline-seg seg-${n % 2} seg-${p.status}`}
                        style={{ left: `${left * 100}%`, width: `${width * 100}%` }} title={`${p.name}: ${p.ms} ms`} />
                    )
                  })}
                </span>
                <span className="timeline-ms" data-testid={`stopwatch-${i.kind}-${i.name}`}>{i.stopwatchMs === null ? '–' : formatMs(i.stopwatchMs)}</span>
                <span className="sr-only">{i.phases.map((p) => `${p.name} ${p.ms} ms`).join(', ')}</span>
                <StateBadge state={i.state} />
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
