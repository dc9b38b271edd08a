// Channel names and menu action ids as plain constants, with no zod import, so the sandboxed preload can
// use them without bundling zod. The schemas that check the messages live in ipc.ts.

/** Every Stacklab channel starts with this; main refuses anything else (as VS Code's preload does). */
export const CHANNEL_PREFIX = 'stacklab:'

export const CHANNELS = {
  openTextFile: 'stacklab:file:open-text',
  saveTextFile: 'stacklab:file:save-text',
  savePng: 'stacklab:file:save-png',
  autosaveRead: 'stacklab:autosave:read',
  autosaveWrite: 'stacklab:autosave:write',
  /** the renderer's UI language, for main's menu, dialog filters and messages (shared/nativeText.ts) */
  setLanguage: 'stacklab:app:set-language',
  /** main → renderer only: a menu item was chosen */
  menuCommand: 'stacklab:menu:command',
  /** the engine bridge (shared/engineBridge.ts): start/stop/status are invokes; requests and answers are one-way sends */
  engineStart: 'stacklab:engine:start',
  engineStop: 'stacklab:engine:stop',
  engineStatus: 'stacklab:engine:status',
  /** main → renderer only: a forwarded HTTP request, client input, or a cancel */
  engineToRenderer: 'stacklab:engine:to-renderer',
  /** renderer → main only (ipcRenderer.send): response heads, chunks, ends */
  engineFromRenderer: 'stacklab:engine:from-renderer'
} as const

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS]

/** What a menu item asks the renderer to do. Roles Electron handles itself (quit, full screen) are not here. */
export const MENU_ACTIONS = [
  'file.newSandbox',
  'file.openScenario',
  'file.saveScenarioAs',
  'file.saveSessionAsCommands',
  'file.exportPng',
  'view.projectorMode',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'sim.playPause',
  'sim.step',
  'sim.slower',
  'sim.faster',
  'sim.checkpoint',
  'sim.rewind',
  'sim.resetAll',
  'help.shortcuts',
  'help.glossary',
  'help.about'
] as const

export type MenuAction = (typeof MENU_ACTIONS)[number]

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value)
}
