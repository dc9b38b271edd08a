// Every term the course uses (assets/lessons/glossary/LANG.json), searchable, with "see also" links and the
// lessons each term appears in.
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLessonSnapshot } from '../lessons/useLessons'
import { InlineNarration } from '../lessons/Narration'

export function GlossaryList() {
  const { t } = useTranslation()
  const glossary = useLessonSnapshot((s) => s.glossary, (a, b) => a === b)
  const practice = useLessonSnapshot((s) => s.practice, (a, b) => a === b)
  const [query, setQuery] = useState('')
  const searchId = useId()
  const usedIn = useMemo(() => {
    const map = new Map<string, string[]>()
    for (const l of practice) for (const id of l.glossary ?? []) map.set(id, [...(map.get(id) ?? []), l.title])
    return map
  }, [practice])
  if (!glossary) return <p className="empty">{t('glossary.none')}</p>
  const q = query.trim().toLowerCase()
  const terms = [...glossary.terms]
    .sort((a, b) => a.term.localeCompare(b.term, glossary.language))
    .filter((term) => !q || term.term.toLowerCase().includes(q) || term.definition.toLowerCase().includes(q))
  const byId = new Map(glossary.terms.map((x) => [x.id, x]))
  const jump = (id: string) => {
    setQuery('')
    requestAnimationFrame(() => document.getElementById(`gl-${id}`)?.focus())
  }
  return (
    <div className="glossary-list" data-testid="glossary">
      <div className="row">
        <label htmlFor={searchId}>{t('glossary.search')}</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="hint" role="status">{t('glossary.count', { count: terms.length, total: glossary.terms.length })}</p>
      <dl>
        {terms.map((term) => (
          <div key={term.id} className="term">
            <dt id={`gl-${term.id}`} tabIndex={-1}>{term.term}</dt>
            <dd>
              <InlineNarration text={term.definition} />
              {term.seeAlso && term.seeAlso.length > 0 && (
                <span className="see-also"> {t('glossary.seeAlso')}{' '}
                  {term.seeAlso.map((id, i) => (
                    <span key={id}>{i > 0 && ', '}<button type="button" className="link" onClick={() => jump(id)}>{byId.get(id)?.term ?? id}</button></span>
                  ))}
                </span>
              )}
              {usedIn.has(term.id) && <span className="used-in">{t('glossary.usedIn', { lessons: usedIn.get(term.id)!.join(' · ') })}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
