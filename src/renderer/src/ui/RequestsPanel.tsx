// The "API requests" tab: the request list beside the selected request's hops, request and response.
import './requests.css'
import { useTranslation } from 'react-i18next'
import { RequestList } from './RequestList'
import { RequestDetail } from './RequestDetail'
import { Icon } from './Icon'
import { useRequests, useRequestsSnapshot } from './useRequests'

export function RequestsPanel() {
  const { t } = useTranslation()
  const requests = useRequests()
  const live = useRequestsSnapshot((s) => s.live)
  const count = useRequestsSnapshot((s) => s.rows.length)
  const state = live ? t('requests.panel.live') : t('requests.panel.paused')
  return (
    <div className="requests" data-testid="requests-panel">
      <div className="requests-head">
        <button type="button" onClick={() => requests.setLive(!live)} aria-pressed={!live} data-testid="requests-pause"
          title={live ? t('requests.panel.pauseTitle') : t('requests.panel.resumeTitle')}>
          <Icon name={live ? 'pause' : 'play'} /> {live ? t('requests.panel.pause') : t('requests.panel.resume')}
        </button>
        <span className="hint requests-state" aria-live="polite" title={state}>{state}</span>
        <span className="hint requests-count">{t('requests.panel.count', { count })}</span>
        <button type="button" onClick={() => requests.clear()} disabled={count === 0}>{t('requests.panel.clear')}</button>
      </div>
      <div className="requests-body">
        <RequestList />
        <RequestDetail />
      </div>
    </div>
  )
}
