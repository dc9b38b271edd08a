// The side column: the inspector and the isolation lab ("Break it") as two ARIA tabs, so each gets the whole
// height. Arrow keys, Home and End move between the tabs, as in the insights panel.
import { useId, useState } from 'react'
import { useTabKeys } from './useTabKeys'
import { Inspector } from './Inspector'
import { FaultPanel } from './FaultPanel'
import { useLabSnapshot } from './useLab'
import { LabAnnouncer } from './BlastRadius'

const TABS = [['inspector', 'Inspector'], ['lab', 'Break it']] as const
type TabId = (typeof TABS)[number][0]

export function SidePanel() {
  const [active, setActive] = useState<TabId>('inspector')
  const base = useId()
  // an experiment that is running or showing its outcome marks the lab's tab, seen from the inspector
  const hasResult = useLabSnapshot((s) => s.experiment !== null && s.experiment.status === 'live')
  const { onKey, buttonRef } = useTabKeys(TABS.map(([id]) => id), active, setActive)
  return (
    <>
      <LabAnnouncer />
      <div className="tabs side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKey}>
        {TABS.map(([id, label], i) => (
          <button key={id} ref={buttonRef(i)} type="button" role="tab" id={`${base}-tab-${id}`}
            aria-selected={active === id} aria-controls={`${base}-panel-${id}`} tabIndex={active === id ? 0 : -1}
            onClick={() => setActive(id)} data-testid={`side-tab-${id}`}>
            {label}
            {id === 'lab' && hasResult && active !== 'lab' && <><span className="tab-dot" aria-hidden="true" /><span className="sr-only"> (an outcome to read)</span></>}
          </button>
        ))}
      </div>
      {TABS.map(([id]) => (
        <div key={id} role="tabpanel" id={`${base}-panel-${id}`} aria-labelledby={`${base}-tab-${id}`} hidden={active !== id}
          className="side-tabpanel">
          {id === 'inspector' ? <Inspector /> : <FaultPanel />}
        </div>
      ))}
    </>
  )
}
