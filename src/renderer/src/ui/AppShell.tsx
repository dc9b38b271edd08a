// The page: toolbar on top; the stage and the inspector; the terminal and the timeline/charts/events below.
import type { RefCallback } from 'react'
import { useTranslation } from 'react-i18next'
import './styles.css'
import { Toolbar } from './Toolbar'
import { Notices } from './Notices'
import { TerminalPanel } from './TerminalPanel'
import { InsightTabs } from './InsightTabs'
import { LayerList } from './LayerList'
import { StageTooltip } from './StageTooltip'
import { NewVmDialog } from './NewVmDialog'
import { RunContainerDialog } from './RunContainerDialog'
import { HelpDialog } from './HelpDialog'
import { SidePanel } from './SidePanel'
import { useController, useSnapshot } from './useController'
import { LessonDock } from './lessons/LessonDock'
import { PointerHighlight } from './lessons/PresenterPanel'
import { SimNarrator } from './SimNarrator'

export function AppShell({ stageRef, stageError }: { stageRef: RefCallback<HTMLDivElement>; stageError: string | null }) {
  const { t } = useTranslation()
  const projector = useSnapshot((s) => s.view.projector)
  return (
    <div className="app" data-theme={projector ? 'projector' : 'default'} data-testid="app">
      <a className="skip-link" href="#stage">{t('panels.shell.skip')}</a>
      <Toolbar />
      <main className="workspace">
        <Notices />
        <LessonDock />
        <section id="stage" className="panel stage-panel" aria-labelledby="stage-title" tabIndex={-1}>
          <h2 id="stage-title" className="sr-only">{t('panels.shell.stageTitle')}</h2>
          <div className="stage-host" ref={stageRef} data-testid="stage">
            {stageError && <p className="stage-error" role="alert">{stageError}</p>}
            <StageTooltip />
            <StageActions />
          </div>
          <LayerList />
        </section>
        <aside className="side" aria-label={t('panels.shell.side')}>
          <SidePanel />
        </aside>
        <div className="bottom">
          <TerminalPanel />
          <InsightTabs />
        </div>
        <NewVmDialog />
        <RunContainerDialog />
        <HelpDialog />
      </main>
      <SimNarrator />
      <PointerHighlight />
    </div>
  )
}

/** The create buttons sit in the column they add to: New VM on the VM stack, Run container on the container stack. */
function StageActions() {
  const { t } = useTranslation()
  const controller = useController()
  return (
    <div className="stage-actions" role="group" aria-label={t('panels.shell.create')}>
      <button type="button" className="accent stage-action-vm" onClick={() => controller.setDialog('vm')} data-testid="open-new-vm">{t('panels.shell.newVm')}</button>
      <button type="button" className="accent stage-action-container" onClick={() => controller.setDialog('container')} data-testid="open-run-container">{t('panels.shell.runContainer')}</button>
    </div>
  )
}
