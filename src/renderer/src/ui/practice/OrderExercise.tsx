// Drag-to-order: put a lesson's items (a stack's layers, the steps of a request) in order. Drag an item with the
// pointer, or with the keyboard: Space picks the focused item up, ↑/↓ move it, Space drops it, Escape puts it
// back. Every move is announced in a live region.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lesson } from '../../../../lessons/index.ts'
import { useLessonSnapshot, useLessons } from '../lessons/useLessons'
import { seedOf, seededOrder } from './shuffle'
import { InlineNarration } from '../lessons/Narration'

interface Puzzle { key: string; prompt: string; items: readonly string[]; lessonTitle: string }

export function OrderExercise({ lessons }: { lessons: readonly Lesson[] }) {
  const { t } = useTranslation()
  const puzzles = useMemo<Puzzle[]>(() => lessons.flatMap((l) => (l.ordering ?? []).map((o) => ({ key: `${l.id}#${o.id}`, prompt: o.prompt, items: o.items, lessonTitle: l.title }))), [lessons])
  const solved = useLessonSnapshot((s) => s.progress.orderingSolved, (a, b) => a === b)
  const [key, setKey] = useState(puzzles[0]?.key ?? '')
  const selectId = useId()
  useEffect(() => {
    if (!puzzles.some((p) => p.key === key)) setKey(puzzles[0]?.key ?? '')
  }, [puzzles, key])
  const puzzle = puzzles.find((p) => p.key === key) ?? puzzles[0]
  if (!puzzle) return <p className="empty">{t('order.none')}</p>
  return (
    <div className="ordering" data-testid="ordering">
      <div className="row">
        <label htmlFor={selectId}>{t('order.exercise')}</label>
        <select id={selectId} value={puzzle.key} onChange={(e) => setKey(e.target.value)} data-testid="ordering-select">
          {puzzles.map((p) => <option key={p.key} value={p.key}>{solved.includes(p.key) ? '✓ ' : ''}{p.prompt}</option>)}
        </select>
      </div>
      <p className="hint">{t('order.solvedCount', { solved: puzzles.filter((p) => solved.includes(p.key)).length, total: puzzles.length })}</p>
      <Board key={puzzle.key} puzzle={puzzle} />
    </div>
  )
}

function Board({ puzzle }: { puzzle: Puzzle }) {
  const { t } = useTranslation()
  const actions = useLessons()
  const [attempt, setAttempt] = useState(0)
  const [order, setOrder] = useState<number[]>(() => seededOrder(puzzle.items.length, seedOf(puzzle.key)))
  const [focus, setFocus] = useState(0)
  const [grabbed, setGrabbed] = useState<number | null>(null)
  const [dragging, setDragging] = useState<number | null>(null)
  const [checked, setChecked] = useState<boolean[] | null>(null)
  const [live, setLive] = useState('')
  const before = useRef<number[] | null>(null)
  const refs = useRef<(HTMLLIElement | null)[]>([])
  const instructions = useId()
  const n = order.length
  const name = (pos: number) => puzzle.items[order[pos]!]!.replace(/`/g, '')
  const say = (text: string) => setLive(text)

  const focusAt = (pos: number) => {
    setFocus(pos)
    refs.current[pos]?.focus()
  }
  const move = (from: number, to: number): number[] => {
    const next = [...order]
    const [item] = next.splice(from, 1)
    next.splice(to, 0, item!)
    setOrder(next)
    setChecked(null)
    return next
  }
  const reshuffle = () => {
    const next = attempt + 1
    setAttempt(next)
    setOrder(seededOrder(puzzle.items.length, seedOf(`${puzzle.key}#${next}`)))
    setChecked(null)
    setGrabbed(null)
    say(t('order.shuffled'))
  }
  const check = () => {
    const result = order.map((item, pos) => item === pos)
    setChecked(result)
    const right = result.filter(Boolean).length
    if (right === n) {
      actions.markOrderingSolved(puzzle.key)
      say(t('order.solved'))
    } else say(t('order.partly', { right, total: n }))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, pos: number) => {
    const key = event.key
    if (key === ' ' || key === 'Enter') {
      event.preventDefault()
      event.stopPropagation()
      if (grabbed === null) {
        before.current = [...order]
        setGrabbed(pos)
        say(t('order.grabbed', { item: name(pos), pos: pos + 1, total: n }))
      } else {
        setGrabbed(null)
        before.current = null
        say(t('order.dropped', { item: name(pos), pos: pos + 1, total: n }))
      }
      return
    }
    if (key === 'Escape' && grabbed !== null) {
      event.preventDefault()
      event.stopPropagation()
      const item = name(pos)
      if (before.current) setOrder(before.current)
      const back = before.current ? before.current.indexOf(order[pos]!) : pos
      setGrabbed(null)
      before.current = null
      say(t('order.cancelled', { item, pos: back + 1, total: n }))
      requestAnimationFrame(() => focusAt(back))
      return
    }
    let to: number | null = null
    if (key === 'ArrowUp') to = Math.max(0, pos - 1)
    else if (key === 'ArrowDown') to = Math.min(n - 1, pos + 1)
    else if (key === 'Home') to = 0
    else if (key === 'End') to = n - 1
    if (to === null) return
    event.preventDefault()
    event.stopPropagation()
    if (grabbed !== null) {
      if (to !== pos) {
        const item = name(pos)
        move(pos, to)
        setGrabbed(to)
        say(t('order.moved', { item, pos: to + 1, total: n }))
      }
      requestAnimationFrame(() => focusAt(to))
    } else focusAt(to)
  }

  // pointer dragging: the item follows the pointer's row; it lands where it is let go
  const targetAt = (clientY: number): number => {
    for (let i = 0; i < n; i++) {
      const rect = refs.current[i]?.getBoundingClientRect()
      if (rect && clientY < rect.top + rect.height / 2) return i
    }
    return n - 1
  }
  const onPointerDown = (event: PointerEvent<HTMLLIElement>, pos: number) => {
    if (event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    setDragging(pos)
    setFocus(pos)
  }
  const onPointerMove = (event: PointerEvent<HTMLLIElement>) => {
    if (dragging === null) return
    const to = targetAt(event.clientY)
    if (to !== dragging) {
      move(dragging, to)
      setDragging(to)
    }
  }
  const onPointerUp = (event: PointerEvent<HTMLLIElement>) => {
    if (dragging === null) return
    event.currentTarget.releasePointerCapture(event.pointerId)
    say(t('order.dropped', { item: name(dragging), pos: dragging + 1, total: n }))
    setFocus(dragging)
    setDragging(null)
  }

  const allRight = checked !== null && checked.every(Boolean)
  return (
    <div className="board">
      <p className="order-prompt" id={`${instructions}-prompt`}><strong>{puzzle.prompt}</strong></p>
      <p className="hint" id={instructions}>{t('order.instructions')}</p>
      <ul role="listbox" aria-labelledby={`${instructions}-prompt`} aria-describedby={instructions} className="order-list" data-testid="order-list">
        {order.map((item, pos) => (
          <li key={item} ref={(el) => { refs.current[pos] = el }} role="option" aria-selected={grabbed === pos}
            tabIndex={focus === pos ? 0 : -1}
            className={`order-item${grabbed === pos || dragging === pos ? ' grabbed' : ''}${checked ? (checked[pos] ? ' right' : ' wrong') : ''}`}
            onKeyDown={(e) => onKeyDown(e, pos)} onFocus={() => setFocus(pos)}
            onPointerDown={(e) => onPointerDown(e, pos)} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => setDragging(null)}
            data-testid="order-item">
            <span className="order-pos" aria-hidden="true">{pos + 1}</span>
            <span className="order-text"><InlineNarration text={puzzle.items[item]!} /></span>
            {checked && <span className="sr-only">{checked[pos] ? t('order.right') : t('order.wrong')}</span>}
            <span className="order-grip" aria-hidden="true">⠿</span>
          </li>
        ))}
      </ul>
      <div className="row wrap">
        <button type="button" className="primary" onClick={check} data-testid="order-check">{t('order.check')}</button>
        <button type="button" onClick={reshuffle}>{t('order.again')}</button>
      </div>
      {checked && (
        <p className={`order-result ${allRight ? 'good' : 'bad'}`} data-testid="order-result">
          {allRight ? `✓ ${t('order.solved')}` : t('order.partly', { right: checked.filter(Boolean).length, total: n })}
        </p>
      )}
      <p className="sr-only" aria-live="assertive" data-testid="order-live">{live}</p>
    </div>
  )
}
