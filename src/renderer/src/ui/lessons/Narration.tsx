// Lesson prose: plain text where `code` in backquotes is shown as code. Never HTML from the file.
import { Fragment } from 'react'

export function Narration({ text, className }: { text: string; className?: string }) {
  const parts = text.split('`')
  return (
    <p className={className}>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </p>
  )
}

/** The same, inline (inside a label or a list item). */
export function InlineNarration({ text }: { text: string }) {
  const parts = text.split('`')
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}</>
}
