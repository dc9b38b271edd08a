// Charts, the startup timeline and the event log share one panel, as ARIA tabs (arrow keys move between them).
import { useId, useRef, useState, type KeyboardEvent } from 'react'
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
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex(([id]) => id === active)
    let next: number
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length
    else if (event.key === 'ArrowLeft') next = (index + TABS.length - 1) % TABS.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = TABS.length - 1
    else return
    event.preventDefault()
    event.stopPropagation()
    setActive(TABS[next]![0])
    buttons.current[next]?.focus()
  }
  return (
    <section className="panel insights" aria-label="Timeline, charts, events, requests, clients and the Dockerfile editor">
      <div className="tabs" role="tablist" aria-label="Views" onKeyDown={onKey}>
        {TABS.map(([id, label], i) => (
          <button key={id} ref={(el) => { buttons.current[i] = el }} type="button" role="tab" id={`${base}-tab-${id}`}
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
