// The application menu as a pure template builder, so labels, accelerators and actions are unit-tested
// without Electron. Items the renderer handles send a MenuAction; only quit and full screen are Electron
// roles, because they act on the app and the window rather than on the simulation. Labels come from the shared
// native-text table in the language the renderer last reported (index.ts rebuilds the menu when it changes).
//
// Accelerators carry Shift on top of Ctrl: plain Ctrl+letter belongs to the terminal panel (Ctrl+C, Ctrl+D,
// Ctrl+R, Ctrl+P/N for history…), and a menu accelerator would take the key away from it.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuAction } from '../shared/ipcChannels'
import { NATIVE_TEXT, type NativeLanguage } from '../shared/nativeText'

export interface MenuOptions {
  platform: NodeJS.Platform
  /** unpackaged runs get the developer tools entry */
  isDevelopment: boolean
  send: (action: MenuAction) => void
}

export function buildMenuTemplate(options: MenuOptions, language: NativeLanguage): MenuItemConstructorOptions[] {
  const text = NATIVE_TEXT[language].menu
  const isMac = options.platform === 'darwin'
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => options.send(action),
    ...(accelerator === undefined ? {} : { accelerator })
  })
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const file: MenuItemConstructorOptions = {
    label: text.file,
    submenu: [
      item(text.newSandbox, 'file.newSandbox', 'CmdOrCtrl+Shift+N'),
      item(text.openScenario, 'file.openScenario', 'CmdOrCtrl+Shift+O'),
      separator,
      item(text.saveScenarioAs, 'file.saveScenarioAs', 'CmdOrCtrl+Shift+S'),
      item(text.saveSessionAsCommands, 'file.saveSessionAsCommands', 'CmdOrCtrl+Shift+H'),
      item(text.exportPng, 'file.exportPng', 'CmdOrCtrl+Shift+E'),
      // macOS keeps Quit in the application menu
      ...(isMac ? [] : [separator, { label: text.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' } as const])
    ]
  }

  const view: MenuItemConstructorOptions = {
    label: text.view,
    submenu: [
      item(text.projectorMode, 'view.projectorMode', 'CmdOrCtrl+Shift+P'),
      { label: text.fullScreen, role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
      separator,
      item(text.zoomIn, 'view.zoomIn', 'CmdOrCtrl+='),
      item(text.zoomOut, 'view.zoomOut', 'CmdOrCtrl+-'),
      item(text.zoomReset, 'view.zoomReset', 'CmdOrCtrl+0'),
      ...(options.isDevelopment ? [separator, { label: text.developerTools, role: 'toggleDevTools' } as const] : [])
    ]
  }

  const simulation: MenuItemConstructorOptions = {
    label: text.simulation,
    submenu: [
      item(text.playPause, 'sim.playPause', 'CmdOrCtrl+Shift+Space'),
      item(text.step, 'sim.step', 'CmdOrCtrl+Shift+Right'),
      separator,
      item(text.slower, 'sim.slower', 'CmdOrCtrl+Shift+Down'),
      item(text.faster, 'sim.faster', 'CmdOrCtrl+Shift+Up'),
      separator,
      item(text.checkpoint, 'sim.checkpoint', 'CmdOrCtrl+Shift+K'),
      item(text.rewind, 'sim.rewind', 'CmdOrCtrl+Shift+Left'),
      separator,
      // no accelerator: throwing away the whole sandbox should take a deliberate click
      item(text.resetAll, 'sim.resetAll')
    ]
  }

  const help: MenuItemConstructorOptions = {
    label: text.help,
    submenu: [
      item(text.shortcuts, 'help.shortcuts', 'F1'),
      item(text.glossary, 'help.glossary', 'CmdOrCtrl+Shift+G'),
      separator,
      item(text.about, 'help.about')
    ]
  }

  // on macOS copy/paste shortcuts only work when an Edit menu provides them
  const macOnly: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : []
  const macEdit: MenuItemConstructorOptions[] = isMac ? [{ role: 'editMenu' }] : []
  return [...macOnly, file, ...macEdit, view, simulation, help]
}
