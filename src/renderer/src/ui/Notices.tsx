// Messages for the person: autosave restored or set aside, files saved, a scenario that stopped.
import { useTranslation } from 'react-i18next'
import { useController, useSnapshot } from './useController'
import { resolveText } from './uiText'

export function Notices() {
  const { t } = useTranslation()
  const controller = useController()
  const notices = useSnapshot((s) => s.notices, (a, b) => a === b)
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`}>
          <span aria-hidden="true" className="notice-icon">{n.tone === 'error' ? '✕' : n.tone === 'warning' ? '!' : 'i'}</span>
          <span className="notice-text">{resolveText(t, n.text)}</span>
          {n.action && <button type="button" onClick={() => void controller.runNoticeAction(n.id)}>{resolveText(t, n.action.label)}</button>}
          <button type="button" className="icon" aria-label={t('panels.notices.dismiss')} onClick={() => controller.dismissNotice(n.id)}>✕</button>
        </div>
      ))}
    </div>
  )
}
