// The stage in the DOM, for screen readers and the keyboard: every layer of both stacks as a button, from the
// hardware up. Focusing one rings it on the canvas and shows its tooltip; activating an instance selects it.
import { useId } from 'react'
import type { InstanceSummary, LayerKind, StageLayer } from './types'
import { useController, useSnapshot, useStore } from './useController'
import { GLOSSARY } from './glossary'
import { formatMs } from './format'

function instanceText(instance: InstanceSummary | undefined): string {
  if (!instance) return ''
  const ms = instance.stopwatchMs
  const timing = ms === null ? '' : instance.startupMs !== null ? `, started in ${formatMs(ms)}` : `, ${instance.phaseName ?? 'starting'} at ${formatMs(ms)}`
  return `: ${instance.state}${timing}`
}

export function LayerList() {
  const controller = useController()
  const columns = useStore(controller.layers)
  const instances = useSnapshot((s) => s.instances, (a, b) => a === b)
  const byKey = new Map(instances.map((i) => [i.key, i]))
  const base = useId()
  const item = (layer: StageLayer) => {
    const isInstance = layer.kind === 'vm' || layer.kind === 'container'
    const label = layer.label + (isInstance && layer.instanceKey ? instanceText(byKey.get(layer.instanceKey)) : '')
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
      <p className="sr-only">The stage, layer by layer from the hardware up. Focus a layer to highlight it; press Enter on a VM or container to inspect it.</p>
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
