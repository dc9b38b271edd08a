// The selected instance in detail: its start phases, memory, the kernel it runs on, its processes as seen
// from inside and from the host, its isolation, its image layers. Every figure names its source.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Inspection, SourcedFigure } from './types'
import { useController, useSnapshot } from './useController'
import { SourceBadge } from './SourceBadge'
import { StateBadge } from './StateBadge'
import { formatMs, formatNumber, phaseLabel } from './format'
import { ProcessView } from './ProcessView'
import { resolveText } from './uiText'

export function Inspector() {
  const { t } = useTranslation()
  const controller = useController()
  const choices = useSnapshot((s) => s.instances.map((i) => `${i.key}|${i.kind}|${i.name}`), arraysEqual)
  const selectedKey = useSnapshot((s) => s.selectedKey)
  const inspection = useSnapshot((s) => s.inspection, (a, b) => a === b)
  const selectId = useId()
  return (
    <section className="panel inspector" aria-labelledby={`${selectId}-title`} data-testid="inspector">
      <div className="panel-head">
        <h2 id={`${selectId}-title`}>{t('panels.inspector.title')}</h2>
        <label className="sr-only" htmlFor={selectId}>{t('panels.inspector.instanceToInspect')}</label>
        <select id={selectId} value={selectedKey ?? ''} onChange={(e) => controller.select(e.target.value || null)} data-testid="inspector-select">
          <option value="">{t('panels.inspector.choose')}</option>
          {choices.map((c) => {
            const [key, kind, name] = c.split('|')
            return <option key={key} value={key}>{t('panels.inspector.option', { kind: t(kind === 'vm' ? 'panels.kind.vm' : 'panels.kind.container'), name })}</option>
          })}
        </select>
      </div>
      {inspection ? <InspectionView inspection={inspection} /> : (
        <p className="empty">{t('panels.inspector.empty')}</p>
      )}
    </section>
  )
}

function arraysEqual(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function Figures({ figures }: { figures: readonly SourcedFigure[] }) {
  const { t } = useTranslation()
  return (
    <dl className="figures">
      {figures.map((f, n) => (
        <div key={`${n}-${f.label.key}`} className="figure">
          <dt>{resolveText(t, f.label)}</dt>
          <dd><span className="value">{resolveText(t, f.value)}</span> <SourceBadge source={f.source} /></dd>
        </div>
      ))}
    </dl>
  )
}

function layerSize(sizeMb: number): { key: string; value: number } {
  return sizeMb < 1 ? { key: 'panels.value.kb', value: Math.round(sizeMb * 1024) } : { key: 'panels.value.mb1', value: sizeMb }
}

function InspectionView({ inspection: i }: { inspection: Inspection }) {
  const { t } = useTranslation()
  const total = i.phases.reduce((s, p) => s + p.ms, 0)
  const vm = i.kind === 'vm'
  return (
    <div className="inspection" data-testid={`inspection-${i.kind}-${i.name}`} tabIndex={0} role="region"
      aria-label={t(vm ? 'panels.inspector.detailsVm' : 'panels.inspector.detailsContainer', { name: i.name })}>
      <h3 className="inspect-title">
        <span className="kind-tag">{t(vm ? 'panels.kind.vm' : 'panels.kind.container')}</span> {i.name} <StateBadge state={i.state} />
      </h3>
      <p className="summary">{resolveText(t, i.summary)}</p>

      <h4>{t(vm ? 'panels.inspector.bootPhases' : 'panels.inspector.startPhases')}</h4>
      <p className="stopwatch-line">
        {t('panels.inspector.stopwatch')} <strong data-testid="inspector-stopwatch">{i.stopwatchMs === null ? '–' : formatMs(i.stopwatchMs)}</strong>
        {i.startupMs !== null ? ` ${t('panels.inspector.ready')}` : i.stopwatchMs !== null ? ` ${t('panels.inspector.running')}` : ''}
      </p>
      <table className="phases">
        <thead><tr><th scope="col">{t('panels.inspector.phase')}</th><th scope="col" className="num">{t('panels.inspector.ms')}</th><th scope="col">{t('panels.inspector.source')}</th></tr></thead>
        <tbody>
          {i.phases.map((p) => (
            <tr key={p.name} className={`phase-${p.status}`}>
              <th scope="row"><span aria-hidden="true">{p.status === 'done' ? '✓ ' : p.status === 'current' ? '▶ ' : '· '}</span>{phaseLabel(p.name)}
                <span className="sr-only"> ({t(`panels.phaseStatus.${p.status}`)})</span></th>
              <td className="num">{formatNumber(p.ms)}</td>
              <td><SourceBadge source={p.source} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot><tr><th scope="row">{t('panels.inspector.total')}</th><td className="num">{formatNumber(total)}</td><td /></tr></tfoot>
      </table>

      <h4>{t('panels.inspector.now')}</h4>
      <Figures figures={i.live} />

      <h4>{t('panels.inspector.memory')}</h4>
      <Figures figures={i.memory} />

      <h4>{t('panels.inspector.kernel')}</h4>
      <p><strong>{resolveText(t, i.kernel.text)}</strong></p>
      <p className="explain">{resolveText(t, i.kernel.explanation)}</p>

      <h4>{t('panels.inspector.processes')}</h4>
      <ProcessView />

      <h4>{t('panels.inspector.isolation')}</h4>
      <p className="explain">{resolveText(t, i.isolationNote)}</p>
      <Figures figures={i.isolation} />

      {i.layers && (
        <>
          <h4>{t('panels.inspector.layers')}</h4>
          <ol className="layers">
            {i.layers.map((l, n) => {
              const size = layerSize(l.sizeMb)
              return (
                <li key={n}><span className="layer-size">{t(size.key, { value: size.value })}</span>{' '}
                  <code className="layer-cmd">{l.createdBy}</code> <SourceBadge source={l.source} /></li>
              )
            })}
          </ol>
        </>
      )}
    </div>
  )
}
