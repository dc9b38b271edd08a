// One request, opened: its hops to step through (the stage holds the packet at the hop shown), then the request
// and the response as the daemon saw them.
import type { KeyboardEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { formatClock } from './format'
import type { RequestDetailView } from './requestTypes'
import { useRequests, useRequestsSnapshot } from './useRequests'

const STATION_SHORT: Record<string, string> = { client: 'CLI', api: 'API', dockerd: 'dockerd', containerd: 'containerd', runc: 'runc' }

export function RequestDetail() {
  const { t } = useTranslation()
  const requests = useRequests()
  const detail = useRequestsSnapshot((s) => s.detail, (a, b) => a === b)
  const hopIndex = useRequestsSnapshot((s) => s.hopIndex)
  const live = useRequestsSnapshot((s) => s.live)
  if (!detail) {
    return (
      <div className="request-detail request-detail-empty" data-testid="request-detail">
        <p className="hint">{t('requests.detail.pick')}</p>
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
      <div className="hop-stepper" role="group" aria-label={t('requests.detail.stepper')} onKeyDown={onKey}>
        <button type="button" className="hop-prev" onClick={() => requests.prevHop()} disabled={hopIndex === 0} data-testid="hop-prev" aria-keyshortcuts="ArrowLeft">
          <span aria-hidden="true">◀ </span>{t('requests.detail.prev')}
        </button>
        <span className="hop-of" aria-hidden="true">{hopIndex + 1} / {detail.hops.length}</span>
        <button type="button" className="hop-next" onClick={() => requests.nextHop()} disabled={hopIndex >= detail.hops.length - 1} data-testid="hop-next" aria-keyshortcuts="ArrowRight">
          {t('requests.detail.next')}<span aria-hidden="true"> ▶</span>
        </button>
        <ol className="hop-path" aria-label={t('requests.detail.path')}>
          {detail.hops.map((h, i) => (
            <li key={i} className={h.back ? 'hop-back' : undefined}>
              <button type="button" className="hop-dot" aria-current={i === hopIndex ? 'step' : undefined}
                onClick={() => requests.setHop(i)} aria-label={t(h.back ? 'requests.detail.hopAnswer' : 'requests.detail.hop', { n: i + 1, title: h.title })}>
                {STATION_SHORT[h.station] ?? h.title}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="hop-text" aria-live="polite" data-testid="hop-label">
        <strong className="hop-count">{t(hop.back ? 'requests.detail.hopOfAnswer' : 'requests.detail.hopOf', { n: hopIndex + 1, total: detail.hops.length, title: hop.title })}</strong>
        <span>{hop.text}</span>
      </div>
      <Exchange detail={detail} />
      <p className="request-meta">
        {t('requests.detail.meta', { time: formatClock(detail.atMs), client: detail.client, daemon: detail.daemon })}
        {detail.command && <>{' · '}<Trans i18nKey="requests.detail.sentFor" values={{ command: detail.command }} components={{ code: <code /> }} /></>}
        {live && ` · ${t('requests.detail.liveNote')}`}
      </p>
    </div>
  )
}

function Exchange({ detail }: { detail: RequestDetailView }) {
  const { t } = useTranslation()
  const recorded = t('requests.exchange.notRecordedInApp')
  const noBody = detail.query === null ? t('requests.exchange.notRecorded') : t('requests.exchange.none')
  return (
    <div className="exchange">
      <details className="exchange-part" data-testid="request-part">
        <summary>{t('requests.exchange.request')} <code>{detail.method} {detail.path}</code></summary>
        <dl className="exchange-fields">
          <dt>{t('requests.exchange.method')}</dt><dd><code>{detail.method}</code></dd>
          <dt>{t('requests.exchange.path')}</dt><dd><code>{detail.path}</code>{detail.route && detail.route !== detail.path && <span className="hint"> {t('requests.exchange.route', { route: detail.route })}</span>}</dd>
          <dt>{t('requests.exchange.query')}</dt>
          <dd>{detail.query === null ? <span className="hint">{recorded}</span>
            : detail.query.length === 0 ? <span className="hint">{t('requests.exchange.none')}</span>
              : <code>{detail.query.map(([k, v]) => `${k}=${v}`).join('&')}</code>}</dd>
          <dt>{t('requests.exchange.sentOver')}</dt><dd>{detail.transport} · <code>{detail.hostUrl}</code></dd>
          <dt>{t('requests.exchange.body')}</dt>
          <dd>{detail.requestSummary ? <code>{detail.requestSummary}</code> : <span className="hint">{noBody}</span>}</dd>
        </dl>
        {detail.requestBody && <pre className="exchange-body" tabIndex={0} aria-label={t('requests.exchange.requestBody')}>{detail.requestBody}</pre>}
      </details>
      <details className="exchange-part" data-testid="response-part">
        <summary>{t('requests.exchange.response')} <span className={detail.status < 400 ? 'status-ok' : 'status-bad'}>{detail.answer}</span></summary>
        <dl className="exchange-fields">
          <dt>{t('requests.exchange.status')}</dt><dd><code>{detail.answer}</code></dd>
          <dt>{t('requests.exchange.from')}</dt><dd>{t('requests.exchange.fromDaemon', { daemon: detail.daemon })}</dd>
          {detail.container && <><dt>{t('requests.exchange.container')}</dt><dd>{detail.container}</dd></>}
          <dt>{t('requests.exchange.body')}</dt>
          <dd>{detail.responseSummary ? <code>{detail.responseSummary}</code> : <span className="hint">{noBody}</span>}</dd>
        </dl>
        {detail.responseBody && <pre className="exchange-body" tabIndex={0} aria-label={t('requests.exchange.responseBody')}>{detail.responseBody}</pre>}
      </details>
    </div>
  )
}
