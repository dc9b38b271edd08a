// The language of the whole interface and, where a translation exists, of the lessons.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, setLanguage } from '../../i18n'

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const id = useId()
  const current = (i18n.language || 'en').split('-')[0]
  return (
    <span className="language-switcher">
      <label htmlFor={id} className="sr-only">{t('lang.label')}</label>
      <select id={id} value={current} onChange={(e) => setLanguage(e.target.value)} data-testid="language" title={t('lang.label')}>
        {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
      </select>
    </span>
  )
}
