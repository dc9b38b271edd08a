// An instance's state as an icon and a word (never colour alone).
import { useTranslation } from 'react-i18next'
import { stateLabel } from './format'

const ICONS: Record<string, string> = {
  starting: '▶', running: '●', paused: '❚❚', stopped: '■', exited: '■', created: '□', crashed: '✕', stopping: '○', restarting: '↻'
}

export function stateTone(state: string, exitCode: number | null = null, oomKilled = false): string {
  if (state === 'crashed' || oomKilled || (state === 'exited' && exitCode !== null && exitCode !== 0)) return 'bad'
  if (state === 'running') return 'good'
  if (state === 'starting' || state === 'restarting' || state === 'stopping') return 'busy'
  if (state === 'paused') return 'paused'
  return 'off'
}

export function StateBadge({ state, detail }: { state: string; detail?: string | null }) {
  useTranslation() // re-render on a language switch
  return (
    <span className={`state state-${stateTone(state)}`} data-state={state}>
      <span aria-hidden="true" className="state-icon">{ICONS[state] ?? '•'}</span> {stateLabel(state)}{detail ? ` · ${detail}` : ''}
    </span>
  )
}
