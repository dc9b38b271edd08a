// Presenter tools: the projector palette, the stage view (side panels hidden, a large terminal), a pointer
// highlight, presenter notes, and the self-running demo stepped with → / PageDown (or a clicker).
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useController, useSnapshot } from '../useController'
import { useLessonSnapshot, useLessons, useOptionalLessons } from './useLessons'

export function PresenterPanel() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const controller = useController()
  const projector = useSnapshot((s) => s.view.projector)
  const { presenter, active, course } = useLessonSnapshot((s) => ({ presenter: s.presenter, active: s.active, course: s.course }))
  const [pick, setPick] = useState(course[0]?.id ?? '')
  const toggle = (label: string, pressed: boolean, onClick: () => void, testId: string, explain: string) => (
    <li>
      <button type="button" role="switch" aria-checked={pressed} className="switch" onClick={onClick} data-testid={testId}>
        <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
        {label}
      </button>
      <p className="hint">{explain}</p>
    </li>
  )
  return (
    <div className="presenter">
      <h3>{t('present.title')}</h3>
      <ul className="toggles">
        {toggle(t('present.projector'), projector, () => controller.setProjector(!projector), 'present-projector', t('present.projectorExplain'))}
        {toggle(t('present.stage'), presenter.stage, () => lessons.setPresenter({ stage: !presenter.stage }), 'present-stage', t('present.stageExplain'))}
        {toggle(t('present.pointer'), presenter.pointer, () => lessons.setPresenter({ pointer: !presenter.pointer }), 'present-pointer', t('present.pointerExplain'))}
        {toggle(t('present.notes'), presenter.notes, () => lessons.setPresenter({ notes: !presenter.notes }), 'present-notes', t('present.notesExplain'))}
      </ul>
      <section aria-labelledby="demo-title" className="demo-box">
        <h4 id="demo-title">{t('present.demoTitle')}</h4>
        <p className="hint">{t('present.demoExplain')}</p>
        {active && !active.isExercise ? (
          <>
            <p>{t('present.demoOf', { title: active.lesson.title })}</p>
            <div className="row wrap">
              <button type="button" className={presenter.demo ? '' : 'primary'} aria-pressed={presenter.demo}
                onClick={() => { lessons.setPresenter({ demo: !presenter.demo }); if (!presenter.demo) lessons.setView('lesson') }} data-testid="demo-toggle">
                {presenter.demo ? t('present.demoStop') : t('present.demoStart')}
              </button>
              {presenter.demo && <button type="button" onClick={() => void lessons.demoNext()} data-testid="demo-next">{t('present.demoNext')} →</button>}
            </div>
          </>
        ) : (
          <form className="row wrap" onSubmit={(e) => { e.preventDefault(); if (pick) void lessons.startLesson(pick).then(() => lessons.setPresenter({ demo: true })) }}>
            <label htmlFor="demo-lesson" className="sr-only">{t('present.demoPick')}</label>
            <select id="demo-lesson" value={pick} onChange={(e) => setPick(e.target.value)}>
              {course.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
            <button type="submit" className="primary" data-testid="demo-start">{t('present.demoStart')}</button>
          </form>
        )}
        <p className="hint">{t('present.launch')}</p>
        <p><code>?lesson=boot-race&amp;projector=1&amp;stage=1&amp;demo=1</code></p>
      </section>
    </div>
  )
}

/** A large ring that follows the pointer, for a room watching a projector. */
export function PointerHighlight() {
  const lessons = useOptionalLessons()
  if (!lessons) return null
  return <Pointer />
}

function Pointer() {
  const on = useLessonSnapshot((s) => s.presenter.pointer)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!on) return
    const move = (e: PointerEvent) => {
      const el = ref.current
      if (el) {
        el.style.transform = `translate(${e.clientX}px, ${e.clientY}px)`
        el.hidden = false
      }
    }
    const leave = () => { if (ref.current) ref.current.hidden = true }
    window.addEventListener('pointermove', move, { passive: true })
    document.documentElement.addEventListener('pointerleave', leave)
    return () => {
      window.removeEventListener('pointermove', move)
      document.documentElement.removeEventListener('pointerleave', leave)
    }
  }, [on])
  if (!on) return null
  return <div ref={ref} className="pointer-highlight" aria-hidden="true" hidden data-testid="pointer-highlight" />
}
