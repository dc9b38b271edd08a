// "Inside vs from the host": the selected instance's processes as its own kernel numbers them, and as the host
// sees them. A container's PID 1 is an ordinary host process under its shim; a VM is one VMM process with a
// thread per vCPU. Host PIDs other than `docker top`'s are illustrative, and say so.
import { useTranslation } from 'react-i18next'
import type { ProcessPane } from './labTypes'
import { useLabSnapshot } from './useLab'
import { SourceBadge } from './SourceBadge'

function Pane({ pane, testid, empty }: { pane: ProcessPane; testid: string; empty: string }) {
  return (
    <section className="process-pane" aria-label={pane.title} data-testid={testid}>
      <h5>{pane.title}</h5>
      <p className="process-how"><code>{pane.how}</code></p>
      {pane.lines.length === 0 ? <p className="empty">{empty}</p> : (
        <ul className="process-tree">
          {pane.lines.map((l, i) => (
            <li key={i} className={`depth-${Math.min(l.depth, 3)}${l.thread ? ' thread' : ''}${l.pid === null ? ' more' : ''}`}>
              {l.depth > 0 && <span className="tree-branch" aria-hidden="true">└ </span>}
              {l.pid !== null && <code className="pid">{l.thread ? 'TID' : 'PID'} {l.pid}</code>}{' '}
              <span className="cmd">{l.command}</span>
              {l.note && <span className="note"> — {l.note}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="explain">{pane.note}</p>
    </section>
  )
}

export function ProcessView() {
  const { t } = useTranslation()
  const model = useLabSnapshot((s) => s.processes, Object.is)
  if (!model) return null
  return (
    <div className="process-view" data-testid="process-view">
      <div className="process-panes">
        <Pane pane={model.inside} testid="processes-inside" empty={t('lab.processes.notRunning')} />
        <Pane pane={model.fromHost} testid="processes-host" empty={t('lab.processes.nothingRunning')} />
      </div>
      <p className="hint">
        {t('lab.processes.illustrative')} <SourceBadge source="model" />{model.kind === 'container' ? t('lab.processes.dockerTop') : '.'}
      </p>
    </div>
  )
}
