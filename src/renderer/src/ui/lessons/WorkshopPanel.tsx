// Workshops: open an exercise file (a malformed one is refused with each problem's JSON path, and nothing else
// changes), play it, hand in a result; verify a result file; and the teacher's class table of many results.
import { useId, useState, type ChangeEvent, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLessonSnapshot, useLessons } from './useLessons'
import { LessonPlayer } from './LessonPlayer'
import type { VerifiedFile } from './lessonTypes'
import type { ClassTable } from '../../../../lessons/index.ts'
import { Dialog } from '../Dialog'

export function WorkshopPanel() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const { exerciseActive, rejected, exercises, busy } = useLessonSnapshot((s) => ({
    exerciseActive: s.active?.isExercise === true, rejected: s.workshop.rejected, exercises: s.workshop.exercises, busy: s.workshop.busy
  }))
  return (
    <div className="workshop" aria-busy={busy}>
      {exerciseActive && <LessonPlayer />}
      <section aria-labelledby="ws-open">
        <h3 id="ws-open">{t('workshop.openTitle')}</h3>
        <p className="hint">{t('workshop.openExplain')}</p>
        <button type="button" className={exerciseActive ? '' : 'primary'} onClick={() => void lessons.openExerciseFile()} data-testid="open-exercise">
          {t('workshop.open')}
        </button>
        {rejected && (
          <div className="callout bad" role="alert" data-testid="exercise-rejected">
            <p><strong>{t('workshop.rejected', { file: rejected.file })}</strong></p>
            <ul className="problems-list">{rejected.problems.map((p, i) => <li key={i}><code>{p}</code></li>)}</ul>
            <p className="hint">{t('workshop.untouched')}</p>
          </div>
        )}
        {exercises.length > 0 && (
          <details className="examples">
            <summary>{t('workshop.examples', { count: exercises.length })}</summary>
            <ul>
              {exercises.map((e) => (
                <li key={e.id}>
                  <strong>{e.title}</strong>
                  <p className="hint">{e.summary}</p>
                  <button type="button" onClick={() => void lessons.startBuiltinExercise(e.id)} data-testid={`example-${e.id}`}>{t('workshop.tryExample')}</button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <Verify />
      <Teacher />
    </div>
  )
}

function Verify() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const verified = useLessonSnapshot((s) => s.workshop.verified, (a, b) => a === b)
  return (
    <section aria-labelledby="ws-verify">
      <h3 id="ws-verify">{t('workshop.verifyTitle')}</h3>
      <p className="hint">{t('workshop.verifyExplain')}</p>
      <button type="button" onClick={() => void lessons.verifyResultFile()} data-testid="verify-result">{t('workshop.verify')}</button>
      {verified && <Verification v={verified} />}
    </section>
  )
}

function Verification({ v }: { v: VerifiedFile }) {
  const { t } = useTranslation()
  const ok = v.verification?.ok === true
  return (
    <div className={`callout ${v.error ? 'bad' : ok ? 'good' : 'bad'}`} role="status" data-testid="verification" data-ok={ok}>
      <p><strong>{v.error ? t('workshop.cannotVerify', { file: v.file }) : ok ? `✓ ${t('workshop.verified')}` : `✗ ${t('workshop.notVerified')}`}</strong></p>
      {v.student && <p>{t('workshop.resultOf', { student: v.student, lesson: v.lessonTitle ?? '' })}</p>}
      {v.error && <p>{v.error}</p>}
      {v.problems.length > 0 && <ul className="problems-list">{v.problems.map((p, i) => <li key={i}><code>{p}</code></li>)}</ul>}
      {v.verification && (
        <>
          <p>{t('workshop.confirmed', { met: v.verification.met, total: v.verification.total })}</p>
          <ul className="verify-list">
            {v.verification.objectives.map((o) => (
              <li key={o.id} className={o.confirmed === true ? 'ok' : o.confirmed === false ? 'bad' : 'none'}>
                <span aria-hidden="true">{o.confirmed === true ? '✓' : o.confirmed === false ? '✗' : '○'}</span> {o.text}
                <span className="reason">{o.reason}</span>
              </li>
            ))}
          </ul>
          {v.verification.errors.length > 0 && <ul className="errors" lang="en">{v.verification.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>}
          {v.verification.notes.length > 0 && <ul className="notes" lang="en">{v.verification.notes.map((e, i) => <li key={i}>{e}</li>)}</ul>}
        </>
      )}
    </div>
  )
}

async function readFiles(list: FileList | null): Promise<{ name: string; text: string }[]> {
  const files = [...(list ?? [])].filter((f) => f.size <= 4_000_000)
  return Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })))
}

function Teacher() {
  const { t } = useTranslation()
  const lessons = useLessons()
  const { table, files, lessonFiles } = useLessonSnapshot((s) => ({ table: s.workshop.classTable, files: s.workshop.classFiles, lessonFiles: s.workshop.classLessons }))
  const [over, setOver] = useState(false)
  const [large, setLarge] = useState(false)
  const inputId = useId()
  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = await readFiles(e.target.files)
    e.target.value = ''
    if (picked.length) await lessons.addClassFiles(picked)
  }
  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault()
    setOver(false)
    const picked = await readFiles(e.dataTransfer.files)
    if (picked.length) await lessons.addClassFiles(picked)
  }
  return (
    <section aria-labelledby="ws-teacher" className="teacher">
      <h3 id="ws-teacher">{t('teacher.title')}</h3>
      <p className="hint">{t('teacher.explain')}</p>
      <div className={`drop${over ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true) }} onDragLeave={() => setOver(false)} onDrop={(e) => void onDrop(e)}>
        <label htmlFor={inputId} className="button-like">{t('teacher.add')}</label>
        <input id={inputId} type="file" multiple accept=".json,application/json" className="visually-hidden-file" onChange={(e) => void onPick(e)} data-testid="class-files" />
        <span className="hint">{t('teacher.drop')}</span>
      </div>
      {lessonFiles.length > 0 && <p className="hint">{t('teacher.lessonsAdded', { titles: lessonFiles.join(', ') })}</p>}
      {table && (
        <>
          <ClassTableView table={table} testId="class-table" />
          {table.rows.some((r) => r.remarks.length > 0) && (
            <details>
              <summary>{t('teacher.remarks')}</summary>
              <ul className="notes" lang="en">{table.rows.filter((r) => r.remarks.length).map((r) => <li key={r.file}><strong>{r.student || r.file}</strong>: {r.remarks.join(' · ')}</li>)}</ul>
            </details>
          )}
          <div className="row wrap">
            <span className="hint">{t('teacher.count', { count: files })}</span>
            <button type="button" onClick={() => setLarge(true)} data-testid="class-large">{t('teacher.large')}</button>
            <button type="button" onClick={() => void lessons.exportClassCsv()}>{t('teacher.csv')}</button>
            <button type="button" onClick={() => lessons.clearClass()}>{t('teacher.clear')}</button>
          </div>
          <Dialog open={large} title={t('teacher.title')} onClose={() => setLarge(false)} className="class-dialog">
            <div className="dialog-form"><ClassTableView table={table} /></div>
          </Dialog>
        </>
      )}
    </section>
  )
}

function ClassTableView({ table, testId }: { table: ClassTable; testId?: string }) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('teacher.tableLabel')}>
      <table className="class-table" data-testid={testId}>
        <caption className="sr-only">{t('teacher.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teacher.student')}</th>
            <th scope="col">{t('teacher.lesson')}</th>
            <th scope="col">{t('teacher.score')}</th>
            <th scope="col">{t('teacher.verified')}</th>
            {table.objectiveIds.map((id) => <th key={id} scope="col"><code>{id}</code></th>)}
            <th scope="col">{t('teacher.hints')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.file} className={`v-${r.verified.replace(' ', '-')}`}>
              <th scope="row">{r.student || <span className="file-name">{r.file}</span>}</th>
              <td>{r.lessonId}</td>
              <td className="num">{r.total ? `${r.met}/${r.total}` : '–'}</td>
              <td>{t(`teacher.v.${r.verified.replace(' ', '-')}`)}</td>
              {table.objectiveIds.map((id) => {
                const s = r.objectives[id]
                return <td key={id} className={`cell-${s ?? 'none'}`}>{s === 'met' ? '✓' : s === 'rejected' ? '✗' : s === 'not-met' ? '○' : ''}<span className="sr-only">{s ? t(`teacher.o.${s}`) : ''}</span></td>
              })}
              <td className="num">{r.hintsUsed ?? '–'}{r.showMeUsed ? ` · ${t('teacher.showMe')}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
