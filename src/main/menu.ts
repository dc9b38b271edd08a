// The application menu as a pure template builder, so labels, accelerators and actions are unit-tested
// without Electron. Items the renderer handles send a MenuAction; only quit and full screen are Electron
// roles, because they act on the app and the window rather than on the simulation.
//
// Accelerators carry Shift on top of Ctrl: plain Ctrl+letter belongs to the terminal panel (Ctrl+C, Ctrl+D,
// Ctrl+R, Ctrl+P/N for history…), and a menu accelerator would take the key away from it.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuAction } from '../shared/ipcChannels'

export interface MenuOptions {
  platform: NodeJS.Platform
  /** unpackaged runs get the developer tools entry */
  isDevelopment: boolean
  send: (action: MenuAction) => void
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => options.send(action),
    ...(accelerator === undefined ? {} : { accelerator })
  })
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('New sandbox', 'file.newSandbox', 'CmdOrCtrl+Shift+N'),
      item('Open scenario…', 'file.openScenario', 'CmdOrCtrl+Shift+O'),
      separator,
      item('Save scenario as…', 'file.saveScenarioAs', 'CmdOrCtrl+Shift+S'),
      item('Save session as command file…', 'file.saveSessionAsCommands', 'CmdOrCtrl+Shift+H'),
      item('Export picture as PNG…', 'file.exportPng', 'CmdOrCtrl+Shift+E'),
      // macOS keeps Quit in the application menu
      ...(isMac ? [] : [separator, { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' } as const])
    ]
  }

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      item('Projector mode', 'view.projectorMode', 'CmdOrCtrl+Shift+P'),
      { label: 'Full screen', role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
      separator,
      item('Zoom in', 'view.zoomIn', 'CmdOrCtrl+='),
      item('Zoom out', 'view.zoomOut', 'CmdOrCtrl+-'),
      item('Reset zoom', 'view.zoomReset', 'CmdOrCtrl+0'),
      ...(options.isDevelopment ? [separator, { label: 'Developer tools', role: 'toggleDevTools' } as const] : [])
    ]
  }

  const simulation: MenuItemConstructorOptions = {
    label: '&Simulation',
    submenu: [
      item('Play/Pause', 'sim.playPause', 'CmdOrCtrl+Shift+Space'),
      item('Step', 'sim.step', 'CmdOrCtrl+Shift+Right'),
      separator,
      item('Slower', 'sim.slower', 'CmdOrCtrl+Shift+Down'),
      item('Faster', 'sim.faster', 'CmdOrCtrl+Shift+Up'),
      separator,
      item('Checkpoint', 'sim.checkpoint', 'CmdOrCtrl+Shift+K'),
      item('Rewind', 'sim.rewind', 'CmdOrCtrl+Shift+Left'),
      separator,
      // no accelerator: throwing away the whole sandbox should take a deliberate click
      item('Reset all', 'sim.resetAll')
    ]
  }

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    submenu: [
      item('Keyboard shortcuts', 'help.shortcuts', 'F1'),
      item('Glossary', 'help.glossary', 'CmdOrCtrl+Shift+G'),
      separator,
      item('About Stacklab', 'help.about')
    ]
  }

  // on macOS copy/paste shortcuts only work when an Edit menu provides them
  const macOnly: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : []
  const macEdit: MenuItemConstructorOptions[] = isMac ? [{ role: 'editMenu' }] : []
  return [...macOnly, file, ...macEdit, view, simulation, help]
}
