// A modal built on <dialog>: the browser traps focus, Escape closes it, and the page behind is inert.
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode; className?: string; testId?: string }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const { open, onClose } = props
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const handle = () => onClose()
    dialog.addEventListener('close', handle)
    return () => dialog.removeEventListener('close', handle)
  }, [onClose])
  return (
    <dialog ref={ref} aria-labelledby={titleId} className={`dialog ${props.className ?? ''}`} data-testid={props.testId}>
      {open && (
        <>
          <div className="dialog-head">
            <h2 id={titleId}>{props.title}</h2>
            <button type="button" className="icon close" aria-label={t('common.close')} onClick={onClose}>✕</button>
          </div>
          {props.children}
        </>
      )}
    </dialog>
  )
}
