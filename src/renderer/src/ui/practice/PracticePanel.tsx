// Practice between lessons: flashcards, drag-to-order exercises, interview questions and the glossary. The
// content is data in the lesson files; progress (cards known, exercises solved) is kept in the learner's profile.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLessonSnapshot } from '../lessons/useLessons'
import { Flashcards } from './Flashcards'
import { OrderExercise } from './OrderExercise'
import { Interview } from './Interview'
import { GlossaryList } from './GlossaryList'

const TABS = ['cards', 'order', 'interview', 'glossary'] as const
type Tab = (typeof TABS)[number]

export function PracticePanel() {
  const { t } = useTranslation()
  const practice = useLessonSnapshot((s) => s.practice, (a, b) => a === b)
  const activeId = useLessonSnapshot((s) => (s.active && !s.active.isExercise ? s.active.lesson.id : null))
  const [tab, setTab] = useState<Tab>('cards')
  const [lessonId, setLessonId] = useState<string>(activeId ?? 'all')
  const base = useId()
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const lessons = useMemo(() => (lessonId === 'all' ? practice : practice.filter((l) => l.id === lessonId)), [practice, lessonId])
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.indexOf(tab)
    let next: number
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length
    else if (event.key === 'ArrowLeft') next = (index + TABS.length - 1) % TABS.length
    else return
    event.preventDefault()
    event.stopPropagation()
    setTab(TABS[next]!)
    buttons.current[next]?.focus()
  }
  return (
    <div className="practice">
      <div className="tabs sub-tabs" role="tablist" aria-label={t('practice.kinds')} onKeyDown={onKey}>
        {TABS.map((id, i) => (
          <button key={id} ref={(el) => { buttons.current[i] = el }} type="button" role="tab" id={`${base}-${id}`} aria-selected={tab === id}
            aria-controls={`${base}-panel`} tabIndex={tab === id ? 0 : -1} onClick={() => setTab(id)} data-testid={`practice-tab-${id}`}>
            {t(`practice.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${tab}`} className="practice-body">
        {tab !== 'glossary' && (
          <div className="row">
            <label htmlFor={`${base}-lesson`}>{t('practice.from')}</label>
            <select id={`${base}-lesson`} value={lessonId} onChange={(e) => setLessonId(e.target.value)} data-testid="practice-lesson">
              <option value="all">{t('practice.allLessons')}</option>
              {practice.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
            </select>
          </div>
        )}
        {tab === 'cards' && <Flashcards lessons={lessons} />}
        {tab === 'order' && <OrderExercise lessons={lessons} />}
        {tab === 'interview' && <Interview lessons={lessons} />}
        {tab === 'glossary' && <GlossaryList />}
      </div>
    </div>
  )
}
