// Charts, the startup timeline and the event log share one panel, as ARIA tabs (arrow keys move between them).
import { useId, useState } from 'react'
import { useTabKeys } from './useTabKeys'
import { Charts } from './Charts'
import { Timeline } from './Timeline'
import { EventLog } from './EventLog'
import { RequestsPanel } from './RequestsPanel'
import { ClientPanel } from './ClientPanel'
import { DockerfileEditor } from './DockerfileEditor'

const TABS = [['timeline', 'Startup timeline'], ['charts', 'CPU & memory'], ['events', 'Events'], ['requests', 'Requests'], ['clients', 'Clients'], ['dockerfile', 'Dockerfile']] as const
type TabId = (typeof TABS)[number][0]

export function InsightTabs() {
  const [active, setActive] = useState<TabId>('timeline')
  const base = useId()
  const { onKey, buttonRef } = useTabKeys(TABS.map(([id]) => id), active, setActive)
  return (
    <section className="panel insights" aria-label="Timeline, charts, events, requests, clients and the Dockerfile editor">
      <div className="tabs" role="tablist" aria-label="Views" onKeyDown={onKey}>
        {TABS.map(([id, label], i) => (
          <button key={id} ref={buttonRef(i)} type="button" role="tab" id={`${base}-tab-${id}`}
            aria-selected={active === id} aria-controls={`${base}-panel-${id}`} tabIndex={active === id ? 0 : -1}
            onClick={() => setActive(id)} data-testid={`tab-${id}`}>
            {label}
          </button>
        ))}
      </div>
      {TABS.map(([id]) => (
        <div key={id} role="tabpanel" id={`${base}-panel-${id}`} aria-labelledby={`${base}-tab-${id}`} hidden={active !== id}
          className="tabpanel" tabIndex={0}>
          {active === id && (id === 'charts' ? <Charts /> : id === 'timeline' ? <Timeline /> : id === 'requests' ? <RequestsPanel />
            : id === 'clients' ? <ClientPanel /> : id === 'dockerfile' ? <DockerfileEditor /> : <EventLog />)}
        </div>
      ))}
    </section>
  )
}
