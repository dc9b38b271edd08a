// The world's events (past tense: vm.started, container.oomKilled, host.panicked…), newest at the bottom.
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSnapshot } from './useController'
import { formatClock } from './format'
import { eventText } from './eventText'

const FILTERS = ['all', 'vm', 'container', 'host'] as const

export function EventLog() {
  const { t } = useTranslation()
  const events = useSnapshot((s) => s.events, (a, b) => a === b)
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all')
  const list = useRef<HTMLDivElement>(null)
  const filterId = useId()
  const shown = events.filter((e) => filter === 'all' || (filter === 'host' ? /^(host|fault|world)\./.test(e.type) : e.type.startsWith(filter + '.')))
  useEffect(() => {
    const el = list.current
    if (el) el.scrollTop = el.scrollHeight
  }, [shown.length])
  return (
    <div className="event-log" data-testid="event-log">
      <div className="event-head">
        <label htmlFor={filterId}>{t('panels.events.show')}</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
          {FILTERS.map((value) => <option key={value} value={value}>{t(`panels.events.filter.${value}`)}</option>)}
        </select>
        <span className="hint">{t('panels.events.count', { count: shown.length })}</span>
      </div>
      <div className="events" ref={list} role="log" aria-label={t('panels.events.log')} tabIndex={0}>
        <ol>
        {shown.map((e) => (
          <li key={e.index} className={`event event-${e.type.split('.')[0]}`}>
            <span className="event-time">{formatClock(e.atMs)}</span>
            <code className="event-type">{e.type}</code>
            <span className="event-message">{eventText(t, e)}</span>
          </li>
        ))}
        </ol>
      </div>
    </div>
  )
}
