// The tooltip over the stage: the layer's one-sentence explanation and what it is doing right now.
import { useTranslation } from 'react-i18next'
import { useController, useStore } from './useController'
import { GLOSSARY } from './glossary'

export function StageTooltip() {
  useTranslation() // re-render on a language switch
  const controller = useController()
  const hover = useStore(controller.hover)
  if (!hover) return null
  const entry = GLOSSARY[hover.kind]
  const below = hover.rect.y < 120
  const style = {
    left: `${Math.max(4, hover.rect.x + Math.min(hover.rect.width / 2, 140) - 20)}px`,
    top: below ? `${hover.rect.y + hover.rect.height + 8}px` : undefined,
    bottom: below ? undefined : `calc(100% - ${hover.rect.y - 8}px)`
  }
  return (
    <div className="stage-tooltip" role="tooltip" style={style} data-testid="stage-tooltip">
      <strong>{entry.term}</strong>
      <span>{entry.text}</span>
      {hover.detail && <span className="tooltip-detail">{hover.detail}</span>}
    </div>
  )
}
