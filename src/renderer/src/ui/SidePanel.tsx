// The side column: the inspector and the isolation lab ("Break it") as two ARIA tabs, so each gets the whole
// height. Arrow keys, Home and End move between the tabs, as in the insights panel.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTabKeys } from './useTabKeys'
import { Inspector } from './Inspector'
import { FaultPanel } from './FaultPanel'
import { useLabSnapshot } from './useLab'
import { LabAnnouncer } from './BlastRadius'

/** the tabs; each one's label is panels.side.<id> */
const TABS = ['inspector', 'lab'] as const
type TabId = (typeof TABS)[number]

export function SidePanel() {
  const { t } = useTranslation()
  const [active, setActive] = useState<TabId>('inspector')
  const base = useId()
  // an experiment that is running or showing its outcome marks the lab's tab, seen from the inspector
  const hasResult = useLabSnapshot((s) => s.experiment !== null && s.experiment.status === 'live')
  const { onKey, buttonRef } = useTabKeys(TABS, active, setActive)
  return (
    <>
      <LabAnnouncer />
      <div className="tabs side-tabs" role="tablist" aria-label={t('panels.side.label')} onKeyDown={onKey}>
        {TABS.map((id, i) => (
          <button key={id} ref={buttonRef(i)} type="button" role="tab" id={`${base}-tab-${id}`}
            aria-selected={active === id} aria-controls={`${base}-panel-${id}`} tabIndex={active === id ? 0 : -1}
            onClick={() => setActive(id)} data-testid={`side-tab-${id}`}>
            {t(`panels.side.${id}`)}
            {id === 'lab' && hasResult && active !== 'lab' && <><span className="tab-dot" aria-hidden="true" /><span className="sr-only">{t('panels.side.outcome')}</span></>}
          </button>
        ))}
      </div>
      {TABS.map((id) => (
        <div key={id} role="tabpanel" id={`${base}-panel-${id}`} aria-labelledby={`${base}-tab-${id}`} hidden={active !== id}
          className="side-tabpanel">
          {id === 'inspector' ? <Inspector /> : <FaultPanel />}
        </div>
      ))}
    </>
  )
}
