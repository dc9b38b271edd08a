// Interview questions: think of an answer first, then reveal the "senior angle".
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lesson } from '../../../../lessons/index.ts'
import { InlineNarration, Narration } from '../lessons/Narration'

export function Interview({ lessons }: { lessons: readonly Lesson[] }) {
  const { t } = useTranslation()
  const questions = lessons.flatMap((l) => (l.interview ?? []).map((q, i) => ({ key: `${l.id}-${i}`, ...q, lessonTitle: l.title })))
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  if (questions.length === 0) return <p className="empty">{t('interview.none')}</p>
  const toggle = (key: string) => {
    const next = new Set(open)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    setOpen(next)
  }
  return (
    <div className="interview" data-testid="interview">
      <p className="hint">{t('interview.intro')}</p>
      <ol>
        {questions.map((q) => (
          <li key={q.key}>
            <p className="interview-q"><strong><InlineNarration text={q.question} /></strong> <span className="hint">· {q.lessonTitle}</span></p>
            <button type="button" aria-expanded={open.has(q.key)} aria-controls={`iv-${q.key}`} onClick={() => toggle(q.key)} data-testid="interview-reveal">
              {open.has(q.key) ? t('interview.hide') : t('interview.reveal')}
            </button>
            <div id={`iv-${q.key}`} className="senior" hidden={!open.has(q.key)}>
              <Narration text={q.answer} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  )
}
