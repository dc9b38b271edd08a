// The desktop menu's actions, mapped onto the same controller calls as the toolbar and the keyboard.
import type { MenuAction } from '../../../shared/ipc'
import type { SimController } from './SimController'

export function runMenuAction(controller: SimController, action: MenuAction): void {
  switch (action) {
    case 'file.newSandbox': controller.resetAll(); return
    case 'file.openScenario': void controller.openScenario(); return
    case 'file.saveScenarioAs': void controller.saveScenario(); return
    case 'file.saveSessionAsCommands': void controller.saveSession(); return
    case 'file.exportPng': void controller.exportPng(); return
    case 'view.projectorMode': controller.setProjector(!controller.viewState.projector); return
    case 'view.zoomIn': controller.zoom(0.1); return
    case 'view.zoomOut': controller.zoom(-0.1); return
    case 'view.zoomReset': controller.zoom('reset'); return
    case 'sim.playPause': controller.togglePlay(); return
    case 'sim.step': controller.step(); return
    case 'sim.slower': controller.slower(); return
    case 'sim.faster': controller.faster(); return
    case 'sim.checkpoint': void controller.checkpoint(); return
    case 'sim.rewind': void controller.rewind(); return
    case 'sim.resetAll': controller.resetAll(); return
    case 'help.shortcuts': controller.setHelp('shortcuts'); return
    case 'help.glossary': controller.setHelp('glossary'); return
    case 'help.about': controller.setHelp('about'); return
  }
}
