// The "Learn" column: the course, the lesson being played, practice, workshops and presenter tools, as ARIA
// tabs. It sits left of the stage while open; the workspace grid makes room for it (lessons.css).
import { useId, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import './lessons.css'
import type { DockView } from './lessonTypes'
import { useLessonSnapshot, useLessons, useOptionalLessons } from './useLessons'
import { CourseList } from './CourseList'
import { LessonPlayer } from './LessonPlayer'
import { WorkshopPanel } from './WorkshopPanel'
import { PresenterPanel } from './PresenterPanel'
import { PracticePanel } from '../practice/PracticePanel'
import { LanguageSwitcher } from './LanguageSwitcher'

export function LessonDock() {
  const lessons = useOptionalLessons()
  if (!lessons) return null
  return <Dock />
}

function Dock() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const { open, view, hasLesson } = useLessonSnapshot((s) => ({ open: s.open, view: s.view, hasLesson: s.active !== null && !s.active.isExercise }))
  const base = useId()
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  if (!open) return null
  const tabs: DockView[] = hasLesson ? ['course', 'lesson', 'practice', 'workshop', 'present'] : ['course', 'practice', 'workshop', 'present']
  const active: DockView = tabs.includes(view) ? view : 'course'
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(active)
    let next: number
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length
    else if (event.key === 'ArrowLeft') next = (index + tabs.length - 1) % tabs.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = tabs.length - 1
    else return
    event.preventDefault()
    event.stopPropagation()
    lessons.setView(tabs[next]!)
    buttons.current[next]?.focus()
  }
  return (
    <aside className="panel lesson-dock" aria-labelledby={`${base}-title`} data-testid="lesson-dock">
      <div className="dock-head">
        <h2 id={`${base}-title`}>{t('dock.title')}</h2>
        <LanguageSwitcher />
        <button type="button" className="icon" aria-label={t('dock.close')} title={t('dock.close')} onClick={() => lessons.setOpen(false)} data-testid="dock-close">✕</button>
      </div>
      <div className="tabs dock-tabs" role="tablist" aria-label={t('dock.tabs')} onKeyDown={onKey}>
        {tabs.map((id, i) => (
          <button key={id} ref={(el) => { buttons.current[i] = el }} type="button" role="tab" id={`${base}-tab-${id}`}
            aria-selected={active === id} aria-controls={`${base}-panel`} tabIndex={active === id ? 0 : -1}
            onClick={() => lessons.setView(id)} data-testid={`dock-tab-${id}`}>
            {t(`dock.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${active}`} className="dock-body" data-testid={`dock-panel-${active}`}>
        {active === 'course' && <CourseList />}
        {active === 'lesson' && <LessonPlayer />}
        {active === 'practice' && <PracticePanel />}
        {active === 'workshop' && <WorkshopPanel />}
        {active === 'present' && <PresenterPanel />}
      </div>
    </aside>
  )
}

/** The toolbar's "Learn" switch: opens and closes the dock. */
export function LearnButton() {
  const lessons = useOptionalLessons()
  if (!lessons) return null
  return <LearnToggle />
}

function LearnToggle() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const open = useLessonSnapshot((s) => s.open)
  return (
    <button type="button" aria-pressed={open} onClick={() => lessons.setOpen(!open)} data-testid="learn-toggle">
      {t('dock.learn')}
    </button>
  )
}
