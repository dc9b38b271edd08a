// Flashcards that flip: the front asks, the back answers. "I knew it" counts the card as known in the profile.
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lesson } from '../../../../lessons/index.ts'
import { useLessonSnapshot, useLessons } from '../lessons/useLessons'
import { InlineNarration } from '../lessons/Narration'

interface Card { lessonId: string; index: number; front: string; back: string; lessonTitle: string }

export function Flashcards({ lessons }: { lessons: readonly Lesson[] }) {
  const { t } = useTranslation()
  const actions = useLessons()
  const known = useLessonSnapshot((s) => s.progress.flashcardsKnown, (a, b) => a === b)
  const cards = useMemo<Card[]>(() => lessons.flatMap((l) => (l.flashcards ?? []).map((c, index) => ({ lessonId: l.id, index, front: c.front, back: c.back, lessonTitle: l.title }))), [lessons])
  const [position, setPosition] = useState(0)
  const [flipped, setFlipped] = useState(false)
  useEffect(() => { setPosition(0); setFlipped(false) }, [cards])
  if (cards.length === 0) return <p className="empty">{t('flash.none')}</p>
  const card = cards[Math.min(position, cards.length - 1)]!
  const knownCount = cards.filter((c) => known[c.lessonId]?.includes(c.index)).length
  const isKnown = known[card.lessonId]?.includes(card.index) ?? false
  const go = (delta: number) => {
    setFlipped(false)
    setPosition((p) => (p + delta + cards.length) % cards.length)
  }
  const mark = (k: boolean) => {
    actions.markFlashcard(card.lessonId, card.index, k)
    go(1)
  }
  return (
    <div className="flashcards" data-testid="flashcards">
      <p className="hint" data-testid="flash-progress">{t('flash.progress', { n: position + 1, total: cards.length, known: knownCount })}</p>
      <div className="meter" role="progressbar" aria-label={t('flash.knownLabel')} aria-valuemin={0} aria-valuemax={cards.length} aria-valuenow={knownCount}>
        <span style={{ width: `${(knownCount / cards.length) * 100}%` }} />
      </div>
      <button type="button" className={`flashcard${flipped ? ' flipped' : ''}`} aria-pressed={flipped} onClick={() => setFlipped(!flipped)} data-testid="flashcard">
        <span className="flash-inner">
          <span className="flash-face flash-front" aria-hidden={flipped}>
            <span className="flash-label">{t('flash.front')} · {card.lessonTitle}</span>
            <span className="flash-text"><InlineNarration text={card.front} /></span>
            <span className="flash-cue">{t('flash.flipHint')}</span>
          </span>
          <span className="flash-face flash-back" aria-hidden={!flipped}>
            <span className="flash-label">{t('flash.back')}{isKnown ? ` · ✓ ${t('flash.known')}` : ''}</span>
            <span className="flash-text" data-testid="flash-back"><InlineNarration text={card.back} /></span>
          </span>
        </span>
      </button>
      <div className="row wrap flash-actions">
        <button type="button" onClick={() => go(-1)} aria-label={t('flash.previous')}>←</button>
        {flipped ? (
          <>
            <button type="button" className="primary" onClick={() => mark(true)} data-testid="flash-knew">✓ {t('flash.knew')}</button>
            <button type="button" onClick={() => mark(false)} data-testid="flash-again">{t('flash.again')}</button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => setFlipped(true)} data-testid="flash-flip">{t('flash.flip')}</button>
        )}
        <button type="button" onClick={() => go(1)} aria-label={t('flash.next')}>→</button>
      </div>
    </div>
  )
}
