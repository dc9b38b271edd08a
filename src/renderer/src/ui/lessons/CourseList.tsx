// The course: "start here" on a first run, then every lesson in the recommended order with its status, and the
// learner's profile with export, import and reset of their progress.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLessonSnapshot, useLessons } from './useLessons'
import { ConfirmDialog } from './ConfirmDialog'
import { InlineNarration } from './Narration'

export function CourseList() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const { course, firstRun, problems, activeId } = useLessonSnapshot((s) => ({
    course: s.course, firstRun: s.firstRun, problems: s.catalogProblems, activeId: s.active && !s.active.isExercise ? s.active.lesson.id : null
  }))
  const first = course[0]
  const done = course.filter((c) => c.status === 'done').length
  return (
    <div className="course">
      {firstRun && first && (
        <section className="start-here" aria-labelledby="start-here-title" data-testid="start-here">
          <h3 id="start-here-title">{t('course.startHere')}</h3>
          <p>{t('course.startHereText', { title: first.title, minutes: first.minutes })}</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void lessons.startLesson(first.id)} data-testid="start-here-go">
              {t('course.startFirst')}
            </button>
            <button type="button" onClick={() => lessons.dismissFirstRun()}>{t('course.notNow')}</button>
          </div>
        </section>
      )}
      <div className="course-head">
        <h3>{t('course.title')}</h3>
        <span className="hint" data-testid="course-progress">{t('course.progress', { done, total: course.length })}</span>
      </div>
      <div className="meter" role="progressbar" aria-label={t('course.progressLabel')} aria-valuemin={0} aria-valuemax={course.length} aria-valuenow={done}>
        <span style={{ width: `${course.length ? (done / course.length) * 100 : 0}%` }} />
      </div>
      <ol className="course-list">
        {course.map((c, i) => (
          <li key={c.id} className={`course-item status-${c.status}`} data-testid={`course-${c.id}`}>
            <span className="course-num" aria-hidden="true">{c.status === 'done' ? '✓' : i + 1}</span>
            <div className="course-text">
              <h4>{c.title}</h4>
              <p className="course-meta">
                <span className={`level level-${c.level}`}>{t(`level.${c.level}`)}</span>
                <span>{t('course.minutes', { count: c.minutes })}</span>
                {c.status !== 'new' && <span className={`status status-${c.status}`}>{t(`course.status.${c.status}`)}</span>}
                {!c.translated && <span className="hint" lang="en">{t('course.englishOnly')}</span>}
              </p>
              <p className="course-summary"><InlineNarration text={c.summary} /></p>
            </div>
            <button type="button" className={c.status === 'new' && i === 0 ? 'primary' : ''} onClick={() => void (activeId === c.id ? lessons.setView('lesson') : lessons.startLesson(c.id))}
              aria-label={`${t(activeId === c.id ? 'course.resume' : c.status === 'done' ? 'course.again' : 'course.start')}: ${c.title}`}
              data-testid={`start-${c.id}`}>
              {t(activeId === c.id ? 'course.resume' : c.status === 'done' ? 'course.again' : 'course.start')}
            </button>
          </li>
        ))}
      </ol>
      {problems.length > 0 && (
        <details className="problems">
          <summary>{t('course.problems', { count: problems.length })}</summary>
          <ul>{problems.map((p) => <li key={p}><code>{p}</code></li>)}</ul>
        </details>
      )}
      <ProfileBox />
    </div>
  )
}

function ProfileBox() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const { profile, profiles } = useLessonSnapshot((s) => ({ profile: s.progress.profile, profiles: s.progress.profiles }))
  const [name, setName] = useState('')
  const [confirm, setConfirm] = useState(false)
  const selectId = useId()
  const nameId = useId()
  return (
    <section className="profile" aria-labelledby={`${selectId}-h`}>
      <h3 id={`${selectId}-h`}>{t('progress.title')}</h3>
      <p className="hint">{t('progress.explain')}</p>
      <div className="row">
        <label htmlFor={selectId}>{t('progress.profile')}</label>
        <select id={selectId} value={profile} onChange={(e) => lessons.switchProfile(e.target.value)} data-testid="profile-select">
          {profiles.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (name.trim()) { lessons.switchProfile(name); setName('') } }}>
        <label htmlFor={nameId} className="sr-only">{t('progress.newName')}</label>
        <input id={nameId} value={name} maxLength={60} placeholder={t('progress.newName')} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>{t('progress.add')}</button>
      </form>
      <div className="row wrap">
        <button type="button" onClick={() => void lessons.exportProgress()} data-testid="progress-export">{t('progress.export')}</button>
        <button type="button" onClick={() => void lessons.importProgress()} data-testid="progress-import">{t('progress.import')}</button>
        <button type="button" className="danger" onClick={() => setConfirm(true)} data-testid="progress-reset">{t('progress.reset')}</button>
      </div>
      <ConfirmDialog open={confirm} title={t('progress.resetTitle')} body={t('progress.resetBody', { profile })} confirm={t('progress.reset')}
        onCancel={() => setConfirm(false)} onConfirm={() => { setConfirm(false); lessons.resetProgress() }} />
    </section>
  )
}
