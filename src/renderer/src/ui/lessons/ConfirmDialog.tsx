// "Are you sure?" before something that throws work away (show me, start over, reset progress).
import { useTranslation } from 'react-i18next'
import { Dialog } from '../Dialog'

export function ConfirmDialog(props: {
  open: boolean; title: string; body: string; confirm: string; onConfirm: () => void; onCancel: () => void; testId?: string
}) {
  const { t } = useTranslation()
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onCancel} className="confirm" testId={props.testId}>
      <div className="dialog-form">
        <p>{props.body}</p>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>{t('common.cancel')}</button>
          <button type="button" className="primary" onClick={props.onConfirm} data-testid="confirm-yes">{props.confirm}</button>
        </div>
      </div>
    </Dialog>
  )
}
