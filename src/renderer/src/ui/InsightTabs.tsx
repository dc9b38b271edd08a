// Charts, the startup timeline and the event log share one panel, as ARIA tabs (arrow keys move between them).
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTabKeys } from './useTabKeys'
import { Charts } from './Charts'
import { Timeline } from './Timeline'
import { EventLog } from './EventLog'
import { RequestsPanel } from './RequestsPanel'
import { ClientPanel } from './ClientPanel'
import { DockerfileEditor } from './DockerfileEditor'

const TABS = ['timeline', 'charts', 'events', 'requests', 'clients', 'dockerfile'] as const
type TabId = (typeof TABS)[number]

export function InsightTabs() {
  const { t } = useTranslation()
  const [active, setActive] = useState<TabId>('timeline')
  const base = useId()
  const { onKey, buttonRef } = useTabKeys(TABS, active, setActive)
  return (
    <section className="panel insights" aria-label={t('panels.insights.label')}>
      <div className="tabs" role="tablist" aria-label={t('panels.insights.views')} onKeyDown={onKey}>
        {TABS.map((id, i) => (
          <button key={id} ref={buttonRef(i)} type="button" role="tab" id={`${base}-tab-${id}`}
            aria-selected={active === id} aria-controls={`${base}-panel-${id}`} tabIndex={active === id ? 0 : -1}
            onClick={() => setActive(id)} data-testid={`tab-${id}`}>
            {t(`panels.insights.tab.${id}`)}
          </button>
        ))}
      </div>
      {TABS.map((id) => (
        <div key={id} role="tabpanel" id={`${base}-panel-${id}`} aria-labelledby={`${base}-tab-${id}`} hidden={active !== id}
          className="tabpanel" tabIndex={0}>
          {active === id && (id === 'charts' ? <Charts /> : id === 'timeline' ? <Timeline /> : id === 'requests' ? <RequestsPanel />
            : id === 'clients' ? <ClientPanel /> : id === 'dockerfile' ? <DockerfileEditor /> : <EventLog />)}
        </div>
      ))}
    </section>
  )
}
