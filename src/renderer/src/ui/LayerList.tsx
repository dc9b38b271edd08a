// The stage in the DOM, for screen readers and the keyboard: every layer of both stacks as a button, from the
// hardware up. Focusing one rings it on the canvas and shows its tooltip; activating an instance selects it.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { InstanceSummary, LayerKind, StageLayer } from './types'
import { useController, useSnapshot, useStore } from './useController'
import { GLOSSARY } from './glossary'
import { formatMs, phaseLabel, stateLabel } from './format'

function instanceText(t: TFunction, instance: InstanceSummary | undefined): string {
  if (!instance) return ''
  const ms = instance.stopwatchMs
  const state = stateLabel(instance.state)
  if (ms === null) return t('panels.layerList.state', { state })
  if (instance.startupMs !== null) return t('panels.layerList.started', { state, time: formatMs(ms) })
  return t('panels.layerList.phaseAt', { state, phase: instance.phaseName ? phaseLabel(instance.phaseName) : stateLabel('starting'), time: formatMs(ms) })
}

export function LayerList() {
  const { t } = useTranslation()
  const controller = useController()
  const columns = useStore(controller.layers)
  const instances = useSnapshot((s) => s.instances, (a, b) => a === b)
  const byKey = new Map(instances.map((i) => [i.key, i]))
  const base = useId()
  const item = (layer: StageLayer) => {
    const isInstance = layer.kind === 'vm' || layer.kind === 'container'
    const label = layer.label + (isInstance && layer.instanceKey ? instanceText(t, byKey.get(layer.instanceKey)) : '')
    return (
      <li key={layer.id}>
        <button type="button" className="layer-button"
          onFocus={() => controller.focusLayer(layer.id)} onBlur={() => controller.focusLayer(null)}
          onClick={() => { if (layer.instanceKey) controller.select(layer.instanceKey) }}
          aria-describedby={`${base}-${layer.kind}`} data-layer={layer.id}>
          {label}
        </button>
        {layer.children.length > 0 && <ul>{layer.children.map(item)}</ul>}
      </li>
    )
  }
  return (
    <div className="layer-list" data-testid="layer-list">
      <p className="sr-only">{t('panels.layerList.intro')}</p>
      <div hidden>
        {(Object.keys(GLOSSARY) as LayerKind[]).map((kind) => <span key={kind} id={`${base}-${kind}`}>{GLOSSARY[kind].text}</span>)}
      </div>
      {columns.map((column) => (
        <section key={column.id} aria-label={column.title}>
          <h3 className="sr-only">{column.title}</h3>
          <ul>{column.layers.map(item)}</ul>
        </section>
      ))}
    </div>
  )
}
