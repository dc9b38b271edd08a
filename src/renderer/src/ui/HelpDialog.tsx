// Help: the keyboard shortcuts, the glossary of layers, and what Stacklab is.
import { Dialog } from './Dialog'
import { GLOSSARY, GLOSSARY_EXTRA } from './glossary'
import type { HelpTopic } from './types'
import { useController, useSnapshot } from './useController'
import { useTranslation } from 'react-i18next'

/** [key, translation key of what it does]; the texts are in i18n/en.ts under help.keys */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Space', 'space'],
  ['→', 'step'],
  ['+ / −', 'speed'],
  ['F', 'fullScreen'],
  ['P', 'projector'],
  ['Alt+R', 'reset'],
  ['?', 'help'],
  ['→ / PageDown', 'demo'],
  ['↑ / ↓', 'history'],
  ['Tab', 'complete'],
  ['Esc', 'close']
]

const TOPICS: readonly HelpTopic[] = ['shortcuts', 'glossary', 'about']

export function HelpDialog() {
  const { t } = useTranslation()
  const controller = useController()
  const topic = useSnapshot((s) => s.view.help)
  return (
    <Dialog open={topic !== null} title={topic ? t(`help.topic.${topic}`) : t('help.title')} onClose={() => controller.setHelp(null)} className="help" testId="help-dialog">
      <nav className="help-topics" aria-label={t('help.topics')}>
        {TOPICS.map((id) => (
          <button key={id} type="button" aria-current={id === topic ? 'page' : undefined} onClick={() => controller.setHelp(id)}>{t(`help.topic.${id}`)}</button>
        ))}
      </nav>
      {topic === 'shortcuts' && (
        <>
          <p className="hint">{t('help.neverWhileTyping')}</p>
          <table className="shortcuts">
            <thead><tr><th scope="col">{t('help.key')}</th><th scope="col">{t('help.action')}</th></tr></thead>
            <tbody>{SHORTCUTS.map(([key, what]) => <tr key={what}><td><kbd>{key}</kbd></td><td>{t(`help.keys.${what}`)}</td></tr>)}</tbody>
          </table>
        </>
      )}
      {topic === 'glossary' && <p className="hint">{t('help.glossaryNote')}</p>}
      {topic === 'glossary' && (
        <dl className="glossary">
          {[...Object.values(GLOSSARY), ...GLOSSARY_EXTRA].map((e) => (
            <div key={e.term}><dt>{e.term}</dt><dd>{e.text}</dd></div>
          ))}
        </dl>
      )}
      {topic === 'about' && (
        <div className="about">
          <p>{t('help.about1')}</p>
          <p>{t('help.about2')}</p>
          <p>{t('help.about3')}</p>
        </div>
      )}
    </Dialog>
  )
}
