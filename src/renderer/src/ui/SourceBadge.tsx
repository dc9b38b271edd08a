import { useTranslation } from 'react-i18next'
import type { FigureSource } from './types'
import { sourceLabel, sourceTitle } from './format'

/** Where a figure comes from, beside the figure: a citation, "model assumption", "simulated now" or "your setting". */
export function SourceBadge({ source }: { source: FigureSource }) {
  useTranslation() // re-render on a language switch
  const kind = source === 'model' || source === 'type2-model' ? 'model' : source === 'simulated' ? 'simulated' : source === 'setting' ? 'setting' : 'cited'
  return (
    <span className={`source source-${kind}`} title={sourceTitle(source)}>
      {sourceLabel(source)}
    </span>
  )
}
