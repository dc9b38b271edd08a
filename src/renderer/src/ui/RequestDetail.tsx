// One request, opened: its hops to step through (the stage holds the packet at the hop shown), then the request
// and the response as the daemon saw them.
import type { KeyboardEvent } from 'react'
import { formatClock } from './format'
import type { RequestDetailView } from './requestTypes'
import { useRequests, useRequestsSnapshot } from './useRequests'

const STATION_SHORT: Record<string, string> = { client: 'CLI', api: 'API', dockerd: 'dockerd', containerd: 'containerd', runc: 'runc' }

export function RequestDetail() {
  const requests = useRequests()
  const detail = useRequestsSnapshot((s) => s.detail, (a, b) => a === b)
  const hopIndex = useRequestsSnapshot((s) => s.hopIndex)
  const live = useRequestsSnapshot((s) => s.live)
  if (!detail) {
    return (
      <div className="request-detail request-detail-empty" data-testid="request-detail">
        <p className="hint">Pick a request to follow it hop by hop: the stage holds its packet where you are.</p>
      </div>
    )
  }
  const hop = detail.hops[Math.min(hopIndex, detail.hops.length - 1)]!
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowRight') requests.nextHop()
    else if (event.key === 'ArrowLeft') requests.prevHop()
    else return
    event.preventDefault()
    event.stopPropagation()
  }
  return (
    <div className="request-detail" data-testid="request-detail">
      <h3 className="request-title">
        <span className={`request-method method-${detail.method.toLowerCase()}`}>{detail.method}</span>{' '}
        <code>{detail.route ?? detail.path}</code>{' '}
        <span className={detail.status < 400 ? 'status-ok' : 'status-bad'}>→ {detail.answer}</span>
      </h3>
      <div className="hop-stepper" role="group" aria-label="Step through the hops of this request" onKeyDown={onKey}>
        <button type="button" className="hop-prev" onClick={() => requests.prevHop()} disabled={hopIndex === 0} data-testid="hop-prev" aria-keyshortcuts="ArrowLeft">
          <span aria-hidden="true">◀ </span>Prev hop
        </button>
        <span className="hop-of" aria-hidden="true">{hopIndex + 1} / {detail.hops.length}</span>
        <button type="button" className="hop-next" onClick={() => requests.nextHop()} disabled={hopIndex >= detail.hops.length - 1} data-testid="hop-next" aria-keyshortcuts="ArrowRight">
          Next hop<span aria-hidden="true"> ▶</span>
        </button>
        <ol className="hop-path" aria-label="Path">
          {detail.hops.map((h, i) => (
            <li key={i} className={h.back ? 'hop-back' : undefined}>
              <button type="button" className="hop-dot" aria-current={i === hopIndex ? 'step' : undefined}
                onClick={() => requests.setHop(i)} aria-label={`Hop ${i + 1}: ${h.title}${h.back ? ' (answer)' : ''}`}>
                {STATION_SHORT[h.station] ?? h.title}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="hop-text" aria-live="polite" data-testid="hop-label">
        <strong className="hop-count">Hop {hopIndex + 1} of {detail.hops.length} · {hop.title}{hop.back ? ' (answer)' : ''}</strong>
        <span>{hop.text}</span>
      </div>
      <Exchange detail={detail} />
      <p className="request-meta">
        At {formatClock(detail.atMs)} · {detail.client} → dockerd on {detail.daemon}
        {detail.command && <> · sent for <code>{detail.command}</code></>}
        {live && ' · live: the stage keeps animating'}
      </p>
    </div>
  )
}

function Exchange({ detail }: { detail: RequestDetailView }) {
  const recorded = 'not recorded (the in-app CLI reports method, path and status only)'
  return (
    <div className="exchange">
      <details className="exchange-part" data-testid="request-part">
        <summary>Request <code>{detail.method} {detail.path}</code></summary>
        <dl className="exchange-fields">
          <dt>Method</dt><dd><code>{detail.method}</code></dd>
          <dt>Path</dt><dd><code>{detail.path}</code>{detail.route && detail.route !== detail.path && <span className="hint"> (route {detail.route})</span>}</dd>
          <dt>Query</dt>
          <dd>{detail.query === null ? <span className="hint">{recorded}</span>
            : detail.query.length === 0 ? <span className="hint">none</span>
              : <code>{detail.query.map(([k, v]) => `${k}=${v}`).join('&')}</code>}</dd>
          <dt>Sent over</dt><dd>{detail.transport} · <code>{detail.hostUrl}</code></dd>
          <dt>Body</dt>
          <dd>{detail.requestSummary ? <code>{detail.requestSummary}</code> : <span className="hint">{detail.query === null ? 'not recorded' : 'none'}</span>}</dd>
        </dl>
        {detail.requestBody && <pre className="exchange-body" tabIndex={0} aria-label="request body">{detail.requestBody}</pre>}
      </details>
      <details className="exchange-part" data-testid="response-part">
        <summary>Response <span className={detail.status < 400 ? 'status-ok' : 'status-bad'}>{detail.answer}</span></summary>
        <dl className="exchange-fields">
          <dt>Status</dt><dd><code>{detail.answer}</code></dd>
          <dt>From</dt><dd>dockerd on {detail.daemon}</dd>
          {detail.container && <><dt>Container</dt><dd>{detail.container}</dd></>}
          <dt>Body</dt>
          <dd>{detail.responseSummary ? <code>{detail.responseSummary}</code> : <span className="hint">{detail.query === null ? 'not recorded' : 'none'}</span>}</dd>
        </dl>
        {detail.responseBody && <pre className="exchange-body" tabIndex={0} aria-label="response body">{detail.responseBody}</pre>}
      </details>
    </div>
  )
}
