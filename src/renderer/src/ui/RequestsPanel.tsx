// The "API requests" tab: the request list beside the selected request's hops, request and response.
import './requests.css'
import { RequestList } from './RequestList'
import { RequestDetail } from './RequestDetail'
import { Icon } from './Icon'
import { useRequests, useRequestsSnapshot } from './useRequests'

export function RequestsPanel() {
  const requests = useRequests()
  const live = useRequestsSnapshot((s) => s.live)
  const count = useRequestsSnapshot((s) => s.rows.length)
  return (
    <div className="requests" data-testid="requests-panel">
      <div className="requests-head">
        <button type="button" onClick={() => requests.setLive(!live)} aria-pressed={!live} data-testid="requests-pause"
          title={live ? 'Hold the packets: pick a request and step through its hops' : 'Animate requests again as they come'}>
          <Icon name={live ? 'pause' : 'play'} /> {live ? 'Pause packets' : 'Resume live'}
        </button>
        <span className="hint requests-state" aria-live="polite">{live ? 'Live: each request travels the stage' : 'Paused: stepping the selected request'}</span>
        <span className="hint requests-count">{count} request{count === 1 ? '' : 's'}</span>
        <button type="button" onClick={() => requests.clear()} disabled={count === 0}>Clear</button>
      </div>
      <div className="requests-body">
        <RequestList />
        <RequestDetail />
      </div>
    </div>
  )
}
