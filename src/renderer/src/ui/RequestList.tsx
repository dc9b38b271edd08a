// The requests, Packet Tracer style: one row per Engine API request, newest at the bottom. A listbox: ↑/↓ pick a
// request (the stage pauses on it), ←/→ step through its hops, Home/End jump to the first/last request.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { formatClock } from './format'
import type { RequestRow } from './requestTypes'
import { useRequests, useRequestsSnapshot } from './useRequests'

export function RequestList() {
  const { t } = useTranslation()
  const requests = useRequests()
  const rows = useRequestsSnapshot((s) => s.rows, (a, b) => a === b)
  const selectedId = useRequestsSnapshot((s) => s.selectedId)
  const animatingId = useRequestsSnapshot((s) => s.animatingId)
  const live = useRequestsSnapshot((s) => s.live)
  const base = useId()
  const list = useRef<HTMLUListElement>(null)

  // live: keep the newest in view; paused: keep the selected one in view
  useEffect(() => {
    const el = list.current
    if (!el) return
    if (live) el.scrollTop = el.scrollHeight
    else if (selectedId !== null) el.querySelector(`[data-request="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [rows.length, live, selectedId])

  const onKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (rows.length === 0) return
    const index = rows.findIndex((r) => r.id === selectedId)
    let next: RequestRow | undefined
    switch (event.key) {
      case 'ArrowDown': next = rows[index < 0 ? rows.length - 1 : Math.min(rows.length - 1, index + 1)]; break
      case 'ArrowUp': next = rows[index < 0 ? rows.length - 1 : Math.max(0, index - 1)]; break
      case 'Home': next = rows[0]; break
      case 'End': next = rows[rows.length - 1]; break
      case 'ArrowRight':
        event.preventDefault()
        requests.nextHop()
        return
      case 'ArrowLeft':
        event.preventDefault()
        requests.prevHop()
        return
      default: return
    }
    event.preventDefault()
    if (next) requests.select(next.id)
  }

  if (rows.length === 0) {
    return <p className="empty request-empty"><Trans i18nKey="requests.list.empty" components={{ code: <code /> }} /></p>
  }
  return (
    <ul ref={list} className="request-rows" role="listbox" tabIndex={0} aria-label={t('requests.list.label')}
      aria-activedescendant={selectedId !== null ? `${base}-${selectedId}` : undefined} onKeyDown={onKey} data-testid="request-list">
      {rows.map((row) => (
        <li key={row.id} id={`${base}-${row.id}`} role="option" aria-selected={row.id === selectedId} data-request={row.id}
          className={`request-row${row.id === animatingId ? ' request-row-live' : ''}`} onClick={() => requests.select(row.id)}
          title={row.command ?? undefined}>
          <span className="request-time">{formatClock(row.atMs)}</span>{' '}
          <span className={`request-method method-${row.method.toLowerCase()}`}>{row.method}</span>{' '}
          <code className="request-route">{row.label.slice(row.method.length + 1)}</code>{' '}
          <span className={`request-status ${row.ok ? 'status-ok' : 'status-bad'}`}>{row.status}<span className="sr-only">{row.answer.slice(String(row.status).length)}</span></span>{' '}
          <span className="request-client"><span className="sr-only">{t('requests.list.from')} </span>{row.client}</span>
        </li>
      ))}
    </ul>
  )
}
