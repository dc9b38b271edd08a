// Every instance's latest start, phase by phase, on one time scale: a VM's boot next to a container's start.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSnapshot } from './useController'
import { formatMs, formatNumber, phaseLabel } from './format'
import { StateBadge } from './StateBadge'

export function Timeline() {
  const { t } = useTranslation()
  const instances = useSnapshot((s) => s.instances, (a, b) => a === b)
  const [scale, setScale] = useState<'linear' | 'log'>('linear')
  const started = instances.filter((i) => i.phases.length > 0)
  const longest = Math.max(1, ...started.map((i) => i.phases.reduce((s, p) => s + p.ms, 0)))
  const position = (ms: number) => (scale === 'linear' ? ms / longest : Math.log10(1 + ms) / Math.log10(1 + longest))
  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-head">
        <p className="hint">{t('panels.timeline.hint')}</p>
        <fieldset className="scale-switch">
          <legend className="sr-only">{t('panels.timeline.scale')}</legend>
          <label><input type="radio" name="timeline-scale" checked={scale === 'linear'} onChange={() => setScale('linear')} /> {t('panels.timeline.linear')}</label>
          <label><input type="radio" name="timeline-scale" checked={scale === 'log'} onChange={() => setScale('log')} /> {t('panels.timeline.log')}</label>
        </fieldset>
      </div>
      {started.length === 0 ? <p className="empty">{t('panels.timeline.empty')}</p> : (
        <ul className="timeline-rows">
          {started.map((i) => {
            let acc = 0
            return (
              <li key={i.key} className="timeline-row">
                <span className="timeline-name" title={`${t(i.kind === 'vm' ? 'panels.kind.vmShort' : 'panels.kind.containerShort')} ${i.name}`}>
                  <span className="kind-tag">{t(i.kind === 'vm' ? 'panels.kind.vmShort' : 'panels.kind.containerShort')}</span> {i.name}
                </span>
                <span className="timeline-track" aria-hidden="true">
                  {i.phases.map((p, n) => {
                    const left = position(acc)
                    acc += p.ms
                    const width = Math.max(0.002, position(acc) - left)
                    return (
                      <span key={p.name} className={`timeline-seg seg-${n % 2} seg-${p.status}`}
                        style={{ left: `${left * 100}%`, width: `${width * 100}%` }} title={t('panels.timeline.segment', { phase: phaseLabel(p.name), ms: formatNumber(p.ms) })} />
                    )
                  })}
                </span>
                <span className="timeline-ms" data-testid={`stopwatch-${i.kind}-${i.name}`}>{i.stopwatchMs === null ? '–' : formatMs(i.stopwatchMs)}</span>
                <span className="sr-only">{i.phases.map((p) => `${phaseLabel(p.name)} ${formatMs(p.ms)}`).join(', ')}</span>
                <StateBadge state={i.state} />
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
