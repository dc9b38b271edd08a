// The lesson being played: its steps with narration and click-to-run commands, "predict, then observe"
// questions, the live objectives with their reasons, hints, "show me", the quiz and the completion. The same
// player runs a workshop exercise, with its allowed commands, time limit and result export.
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LessonStep, ObjectiveStatus, Predict } from '../../../../lessons/index.ts'
import type { ActiveLesson } from './lessonTypes'
import { useLessonSnapshot, useLessons } from './useLessons'
import { InlineNarration, Narration } from './Narration'
import { ConfirmDialog } from './ConfirmDialog'

export function LessonPlayer() {
  const { t } = useTranslation()
  const active = useLessonSnapshot((s) => s.active, (a, b) => a === b)
  const lessons = useLessons()
  if (!active) {
    return (
      <div className="empty-state">
        <p>{t('lesson.none')}</p>
        <button type="button" className="primary" onClick={() => lessons.setView('course')}>{t('lesson.toCourse')}</button>
      </div>
    )
  }
  return <Player key={active.key} active={active} />
}

function Player({ active }: { active: ActiveLesson }) {
  const { t } = useTranslation()
  const lessons = useLessons()
  const presenter = useLessonSnapshot((s) => s.presenter)
  const nextId = useLessonSnapshot((s) => {
    const i = s.course.findIndex((c) => c.id === active.lesson.id)
    return i >= 0 && i + 1 < s.course.length ? { id: s.course[i + 1]!.id, title: s.course[i + 1]!.title } : null
  })
  const { lesson, stepIndex } = active
  const steps = lesson.steps
  const hasQuiz = (lesson.quiz?.length ?? 0) > 0
  const onQuiz = stepIndex >= steps.length
  const step = steps[stepIndex]
  const headingRef = useRef<HTMLHeadingElement>(null)
  const first = useRef(true)
  useEffect(() => {
    // a new step: move the reading position to it (not on the first render, which keeps focus where it was)
    if (first.current) { first.current = false; return }
    headingRef.current?.focus()
  }, [stepIndex])
  const total = steps.length + (hasQuiz ? 1 : 0)
  return (
    <article className="player" aria-labelledby="player-title" data-testid="lesson-player" data-lesson={lesson.id}>
      <header className="player-head">
        <p className="eyebrow">
          {active.isExercise ? t('lesson.exercise') : t(`level.${lesson.level}`)} · {t('course.minutes', { count: lesson.minutes })}
          {active.fileName && <> · <span className="file-name">{active.fileName}</span></>}
        </p>
        <h3 id="player-title">{lesson.title}</h3>
        {active.sessionLanguage !== lesson.language && <p className="hint">{t('lesson.sessionLanguage', { language: active.sessionLanguage })}</p>}
      </header>
      {active.detached && (
        <div className="callout warn" role="alert" data-testid="lesson-detached">
          <p>{t('lesson.detached')}</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void lessons.resetAttempt()}>{t('lesson.restart')}</button>
            <button type="button" onClick={() => lessons.leaveLesson()}>{t('lesson.leave')}</button>
          </div>
        </div>
      )}
      {active.done && !active.isExercise && (
        <div className="callout good" role="status" data-testid="lesson-complete">
          <h4>{t('lesson.completeTitle')}</h4>
          <p>{t('lesson.completeText', { score: quizScore(active), total: lesson.quiz?.length ?? 0 })}</p>
          <div className="row">
            {nextId && <button type="button" className="primary" onClick={() => void lessons.startLesson(nextId.id)} data-testid="next-lesson">{t('lesson.nextLesson', { title: nextId.title })}</button>}
            <button type="button" onClick={() => lessons.leaveLesson()}>{t('lesson.backToCourse')}</button>
          </div>
        </div>
      )}
      {active.complete && !active.quizDone && hasQuiz && !onQuiz && !active.isExercise && (
        <div className="callout good" role="status">
          <p>{t('lesson.objectivesDone')}</p>
          <button type="button" className="primary" onClick={() => lessons.goToStep(steps.length)}>{t('lesson.toQuiz')}</button>
        </div>
      )}
      {active.isExercise && <ExerciseBar active={active} />}
      <nav className="stepper" aria-label={t('lesson.steps')}>
        <ol>
          {Array.from({ length: total }, (_, i) => (
            <li key={i}>
              <button type="button" className={`dot${i === stepIndex ? ' current' : ''}${active.ranSteps.includes(i) ? ' ran' : ''}`}
                aria-current={i === stepIndex ? 'step' : undefined} onClick={() => lessons.goToStep(i)}
                aria-label={i < steps.length ? t('lesson.stepN', { n: i + 1, total: steps.length }) : t('quiz.title')}>
                {i < steps.length ? i + 1 : '?'}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section className="step-card" aria-labelledby="step-title" data-testid="step-card" data-step={stepIndex}>
        <h4 id="step-title" ref={headingRef} tabIndex={-1}>
          {onQuiz ? t('quiz.title') : t('lesson.stepN', { n: stepIndex + 1, total: steps.length })}
        </h4>
        {step && <StepBody active={active} step={step} index={stepIndex} notes={presenter.notes} demo={presenter.demo ? presenter.demoPhase : null} />}
        {onQuiz && <Quiz active={active} />}
      </section>
      <div className="step-nav">
        <button type="button" onClick={() => lessons.goToStep(stepIndex - 1)} disabled={stepIndex === 0} data-testid="step-back">← {t('lesson.back')}</button>
        <span className="hint">{presenter.demo ? t('present.demoKeys') : ''}</span>
        <button type="button" className={active.ranSteps.includes(stepIndex) || !step?.commands?.length ? 'primary' : ''}
          onClick={() => lessons.goToStep(stepIndex + 1)} disabled={stepIndex >= total - 1} data-testid="step-next">{t('lesson.next')} →</button>
      </div>
      <Objectives objectives={active.objectives} />
      <HelpRow active={active} />
      {active.isExercise && <ResultExport />}
      <div className="row end">
        <button type="button" className="link" onClick={() => lessons.leaveLesson()} data-testid="leave-lesson">{t(active.isExercise ? 'lesson.leaveExercise' : 'lesson.leave')}</button>
      </div>
    </article>
  )
}

function quizScore(active: ActiveLesson): number {
  return (active.lesson.quiz ?? []).filter((q, i) => active.quizAnswers[i] === q.answer).length
}

function StepBody({ active, step, index, notes, demo }: { active: ActiveLesson; step: LessonStep; index: number; notes: boolean; demo: 'narrate' | 'question' | 'revealed' | null }) {
  const { t } = useTranslation()
  const lessons = useLessons()
  const committed = active.predictions[index]
  const mustPredict = step.predict !== undefined && committed === undefined && demo === null
  const ran = active.ranSteps.includes(index)
  const busy = active.busy !== 'idle' || active.detached
  const commands = step.commands ?? []
  return (
    <>
      <Narration text={step.text} className="narration" />
      {notes && step.notes && (
        <aside className="presenter-notes" aria-label={t('present.notes')} data-testid="presenter-notes">
          <h5>{t('present.notes')}</h5>
          <Narration text={step.notes} />
        </aside>
      )}
      {step.predict && (demo === null
        ? <Prediction predict={step.predict} committed={committed} ran={ran} disabled={busy} onCommit={(c) => void lessons.commitPrediction(index, c)} />
        : demo !== 'narrate' && <DemoPrediction predict={step.predict} revealed={demo === 'revealed'} />)}
      {commands.length > 0 && (
        <div className="commands">
          <h5>{t('lesson.commands')}</h5>
          {mustPredict && <p className="hint">{t('predict.first')}</p>}
          <ul>
            {commands.map((line, i) => (
              <li key={i}>
                <button type="button" className="cmd" disabled={busy || mustPredict} onClick={() => void lessons.runCommand(line)}
                  title={t('lesson.runOne')} data-testid="run-command">
                  <span aria-hidden="true" className="cmd-play">▶</span> <code>{line}</code>
                </button>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className="primary" disabled={busy || mustPredict} onClick={() => void lessons.runStep(index)} data-testid="run-step">
              {active.busy === 'running' ? t('lesson.running') : ran ? t('lesson.runAgain') : commands.length > 1 ? t('lesson.runAll', { count: commands.length }) : t('lesson.runIt')}
            </button>
            {ran && <span className="ran" role="status">✓ {t('lesson.ran')}</span>}
          </div>
        </div>
      )}
    </>
  )
}

function Prediction({ predict, committed, ran, disabled, onCommit }: { predict: Predict; committed: number | undefined; ran: boolean; disabled: boolean; onCommit: (choice: number) => void }) {
  const { t } = useTranslation()
  const [choice, setChoice] = useState<number | null>(null)
  const name = useId()
  const locked = committed !== undefined
  const right = committed === predict.answer
  return (
    <fieldset className={`predict${locked ? ' locked' : ''}`} data-testid="predict">
      <legend>{t('predict.title')}</legend>
      <p className="predict-q"><InlineNarration text={predict.question} /></p>
      <div role="radiogroup" aria-label={t('predict.choices')} className="choices">
        {predict.choices.map((c, i) => {
          const mark = locked && ran ? (i === predict.answer ? 'answer' : i === committed ? 'wrong' : '') : locked && i === committed ? 'picked' : ''
          return (
            <label key={i} className={`choice ${mark}`}>
              <input type="radio" name={name} value={i} checked={(locked ? committed : choice) === i} disabled={locked || disabled}
                onChange={() => setChoice(i)} />
              <span><InlineNarration text={c} /></span>
              {mark === 'answer' && <span className="sr-only"> ({t('predict.correctAnswer')})</span>}
            </label>
          )
        })}
      </div>
      {!locked && (
        <button type="button" className="primary" disabled={choice === null || disabled} onClick={() => choice !== null && onCommit(choice)} data-testid="predict-commit">
          {t('predict.commit')}
        </button>
      )}
      {locked && !ran && <p className="hint" role="status">{t('predict.observing')}</p>}
      {locked && ran && (
        <div className={`outcome ${right ? 'good' : 'bad'}`} role="status" data-testid="predict-outcome">
          <p className="verdict">{right ? `✓ ${t('predict.right')}` : `✗ ${t('predict.wrong', { answer: predict.choices[predict.answer] })}`}</p>
          <Narration text={predict.explanation} />
        </div>
      )}
    </fieldset>
  )
}

function DemoPrediction({ predict, revealed }: { predict: Predict; revealed: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="predict demo" data-testid="predict-demo">
      <p className="legend">{t('predict.vote')}</p>
      <p className="predict-q"><InlineNarration text={predict.question} /></p>
      <ol className="choices" type="A">
        {predict.choices.map((c, i) => (
          <li key={i} className={`choice${revealed && i === predict.answer ? ' answer' : ''}`}>
            <InlineNarration text={c} />{revealed && i === predict.answer && <strong> ✓</strong>}
          </li>
        ))}
      </ol>
      {revealed && <div className="outcome good" role="status"><Narration text={predict.explanation} /></div>}
    </div>
  )
}

export function Objectives({ objectives }: { objectives: readonly ObjectiveStatus[] }) {
  const { t } = useTranslation()
  const met = objectives.filter((o) => o.met).length
  const [announce, setAnnounce] = useState('')
  const seen = useRef<Set<string> | null>(null)
  useEffect(() => {
    const now = new Set(objectives.filter((o) => o.met).map((o) => o.id))
    if (seen.current) {
      const fresh = objectives.filter((o) => o.met && !seen.current!.has(o.id))
      if (fresh.length) setAnnounce(fresh.map((o) => t('objectives.metAnnounce', { text: o.text })).join(' '))
    }
    seen.current = now
  }, [objectives, t])
  return (
    <section className="objectives" aria-labelledby="objectives-title" data-testid="objectives">
      <h4 id="objectives-title">{t('objectives.title')} <span className="count">{t('objectives.count', { met, total: objectives.length })}</span></h4>
      <ul>
        {objectives.map((o) => (
          <li key={o.id} className={o.met ? 'met' : 'open'} data-testid={`objective-${o.id}`} data-met={o.met}>
            <span className="mark" aria-hidden="true">{o.met ? '✓' : '○'}</span>
            <div>
              <span className="sr-only">{o.met ? t('objectives.met') : t('objectives.notMet')}: </span>
              <span className="objective-text">{o.text}</span>
              {!o.met && o.now.reason && <span className="reason">{o.now.reason}</span>}
              {o.met && !o.now.pass && o.now.reason && <span className="reason">{t('objectives.metEarlier')} {o.now.reason}</span>}
            </div>
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">{announce}</p>
    </section>
  )
}

function HelpRow({ active }: { active: ActiveLesson }) {
  const { t } = useTranslation()
  const lessons = useLessons()
  const [confirm, setConfirm] = useState<'showMe' | 'reset' | null>(null)
  const busy = active.busy !== 'idle'
  return (
    <section className="help-row" aria-label={t('lesson.help')}>
      <div className="row wrap">
        {active.hintsAvailable && (
          <button type="button" onClick={() => lessons.nextHint()} disabled={!active.moreHints || active.detached} data-testid="hint">
            {active.hints.length === 0 ? t('hints.get') : t('hints.another')}
          </button>
        )}
        {active.showMeAvailable && (
          <button type="button" onClick={() => setConfirm('showMe')} disabled={busy || active.detached} data-testid="show-me">
            <span aria-hidden="true">▶▶</span> {active.busy === 'showing' ? t('showMe.playing') : t('showMe.button')}
          </button>
        )}
        <button type="button" onClick={() => setConfirm('reset')} disabled={busy} data-testid="start-over">
          <span aria-hidden="true">↺</span> {t('lesson.startOver')}
        </button>
      </div>
      {!active.hintsAvailable && active.isExercise && <p className="hint">{t('hints.off')}</p>}
      {active.hints.length > 0 && (
        <ol className="hints" aria-label={t('hints.title')} data-testid="hints">
          {active.hints.map((h) => <li key={h.index}><Narration text={h.text} /></li>)}
        </ol>
      )}
      {active.hintsAvailable && !active.moreHints && active.hints.length > 0 && <p className="hint">{t('hints.noMore')}</p>}
      <ConfirmDialog open={confirm === 'showMe'} title={t('showMe.title')} body={t('showMe.body', { count: active.lesson.solution.length })}
        confirm={t('showMe.confirm')} testId="show-me-confirm"
        onCancel={() => setConfirm(null)} onConfirm={() => { setConfirm(null); void lessons.showMe() }} />
      <ConfirmDialog open={confirm === 'reset'} title={t('lesson.startOverTitle')} body={t('lesson.startOverBody')} confirm={t('lesson.startOver')}
        onCancel={() => setConfirm(null)} onConfirm={() => { setConfirm(null); void lessons.resetAttempt() }} />
    </section>
  )
}

function Quiz({ active }: { active: ActiveLesson }) {
  const { t } = useTranslation()
  const quiz = active.lesson.quiz ?? []
  const answered = Object.keys(active.quizAnswers).length
  return (
    <div className="quiz" data-testid="quiz">
      <p className="hint">{t('quiz.intro', { count: quiz.length })}</p>
      {quiz.map((q, i) => <QuizQuestion key={i} index={i} question={q} answer={active.quizAnswers[i]} />)}
      {answered === quiz.length && <p className="score" role="status" data-testid="quiz-score">{t('quiz.score', { score: quizScore(active), total: quiz.length })}</p>}
    </div>
  )
}

function QuizQuestion({ index, question, answer }: { index: number; question: Predict; answer: number | undefined }) {
  const { t } = useTranslation()
  const lessons = useLessons()
  const [choice, setChoice] = useState<number | null>(null)
  const name = useId()
  const locked = answer !== undefined
  return (
    <fieldset className={`quiz-q${locked ? ' locked' : ''}`} data-testid={`quiz-${index}`}>
      <legend>{t('quiz.question', { n: index + 1 })}</legend>
      <p className="predict-q"><InlineNarration text={question.question} /></p>
      <div role="radiogroup" aria-label={t('predict.choices')} className="choices">
        {question.choices.map((c, i) => (
          <label key={i} className={`choice ${locked ? (i === question.answer ? 'answer' : i === answer ? 'wrong' : '') : ''}`}>
            <input type="radio" name={name} checked={(locked ? answer : choice) === i} disabled={locked} onChange={() => setChoice(i)} />
            <span><InlineNarration text={c} /></span>
          </label>
        ))}
      </div>
      {!locked && (
        <button type="button" disabled={choice === null} onClick={() => choice !== null && lessons.answerQuiz(index, choice)} data-testid="quiz-check">
          {t('quiz.check')}
        </button>
      )}
      {locked && (
        <div className={`outcome ${answer === question.answer ? 'good' : 'bad'}`} role="status">
          <p className="verdict">{answer === question.answer ? `✓ ${t('quiz.right')}` : `✗ ${t('quiz.wrong')}`}</p>
          <Narration text={question.explanation} />
        </div>
      )}
    </fieldset>
  )
}

function ExerciseBar({ active }: { active: ActiveLesson }) {
  const { t } = useTranslation()
  return (
    <div className="exercise-bar" data-testid="exercise-bar">
      {active.deadline !== null && <Countdown deadline={active.deadline} />}
      {active.allowedCommands && (
        <p className="allowed">
          <span>{t('workshop.allowed')}</span>{' '}
          {active.allowedCommands.map((c) => <code key={c}>{c}</code>)}
          <span className="hint"> {t('workshop.alwaysAllowed')}</span>
        </p>
      )}
      {active.refusal && <p className="refusal" role="alert">{active.refusal}</p>}
    </div>
  )
}

function Countdown({ deadline }: { deadline: number }) {
  const { t } = useTranslation()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(id)
  }, [])
  const left = Math.max(0, deadline - now)
  const m = Math.floor(left / 60_000)
  const s = Math.floor((left % 60_000) / 1000)
  return (
    <p className={`countdown${left === 0 ? ' over' : left < 120_000 ? ' soon' : ''}`} role="timer" aria-live="off" data-testid="countdown">
      {left === 0 ? t('workshop.timeUp') : t('workshop.timeLeft', { time: `${m}:${String(s).padStart(2, '0')}` })}
    </p>
  )
}

function ResultExport() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const { student, lastExport } = useLessonSnapshot((s) => ({ student: s.workshop.student, lastExport: s.workshop.lastExport }))
  const id = useId()
  return (
    <section className="result-export" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('workshop.handIn')}</h4>
      <form className="stack-form" onSubmit={(e) => { e.preventDefault(); void lessons.exportResult() }}>
        <label htmlFor={id}>{t('workshop.student')}</label>
        <input id={id} value={student} maxLength={100} autoComplete="name" onChange={(e) => lessons.setStudent(e.target.value)} data-testid="student-name" required />
        <button type="submit" className="primary" disabled={!student.trim()} data-testid="export-result">{t('workshop.export')}</button>
      </form>
      <p className="hint">{t('workshop.exportExplain')}</p>
      {lastExport && <p className="saved" role="status" data-testid="export-done">✓ {t('workshop.exported', { json: lastExport.json, html: lastExport.html })}</p>}
    </section>
  )
}
