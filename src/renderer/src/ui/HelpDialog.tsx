// Help: the keyboard shortcuts, the glossary of layers, and what Stacklab is.
import { Dialog } from './Dialog'
import { GLOSSARY, GLOSSARY_EXTRA } from './glossary'
import type { HelpTopic } from './types'
import { useController, useSnapshot } from './useController'

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Space', 'Play or pause time'],
  ['→', 'Step time forward by the step size'],
  ['+ / −', 'Faster / slower'],
  ['F', 'Full screen'],
  ['P', 'Projector mode: high contrast, larger type'],
  ['Alt+R', 'Reset all: a fresh sandbox'],
  ['?', 'This help'],
  ['↑ / ↓ in the terminal', 'Walk the command history'],
  ['Tab in the terminal', 'Complete a command or a name'],
  ['Esc', 'Close a dialog']
]

const TITLES: Record<HelpTopic, string> = { shortcuts: 'Keyboard shortcuts', glossary: 'Glossary', about: 'About Stacklab' }

export function HelpDialog() {
  const controller = useController()
  const topic = useSnapshot((s) => s.view.help)
  return (
    <Dialog open={topic !== null} title={topic ? TITLES[topic] : 'Help'} onClose={() => controller.setHelp(null)} className="help" testId="help-dialog">
      <nav className="help-topics" aria-label="Help topics">
        {(Object.keys(TITLES) as HelpTopic[]).map((t) => (
          <button key={t} type="button" aria-current={t === topic ? 'page' : undefined} onClick={() => controller.setHelp(t)}>{TITLES[t]}</button>
        ))}
      </nav>
      {topic === 'shortcuts' && (
        <>
          <p className="hint">Shortcuts never fire while you type in the terminal or a text field.</p>
          <table className="shortcuts">
            <thead><tr><th scope="col">Key</th><th scope="col">Action</th></tr></thead>
            <tbody>{SHORTCUTS.map(([key, what]) => <tr key={key}><td><kbd>{key}</kbd></td><td>{what}</td></tr>)}</tbody>
          </table>
        </>
      )}
      {topic === 'glossary' && (
        <dl className="glossary">
          {[...Object.values(GLOSSARY), ...GLOSSARY_EXTRA].map((e) => (
            <div key={e.term}><dt>{e.term}</dt><dd>{e.text}</dd></div>
          ))}
        </dl>
      )}
      {topic === 'about' && (
        <div className="about">
          <p>Stacklab simulates a virtual-machine stack and a container stack side by side, on one virtual clock, and animates what happens in each.</p>
          <p>Every figure names its source: a published measurement, or “model assumption” where none exists. The terminal speaks the same
            command language as scenario files and the headless runner (<code>npm run sim</code>); its docker commands go through a simulated Docker Engine API.</p>
          <p>It works offline. Your sandbox is saved automatically every few seconds.</p>
        </div>
      )}
    </Dialog>
  )
}
