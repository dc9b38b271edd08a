import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { MENU_ACTIONS, type MenuAction } from '../shared/ipcChannels'
import { NATIVE_LANGUAGES, type NativeLanguage } from '../shared/nativeText'
import { buildMenuTemplate } from './menu'

type Item = MenuItemConstructorOptions

function build(
  platform: NodeJS.Platform,
  isDevelopment = false,
  language: NativeLanguage = 'en'
): { template: Item[]; send: ReturnType<typeof vi.fn> } {
  const send = vi.fn<(action: MenuAction) => void>()
  return { template: buildMenuTemplate({ platform, isDevelopment, send }, language), send }
}

const plain = (label: string | undefined): string | undefined => label?.replace('&', '')
const submenuOf = (menu: Item | undefined): Item[] => (Array.isArray(menu?.submenu) ? menu.submenu : [])
const realItems = (menu: Item | undefined): Item[] => submenuOf(menu).filter((item) => item.type !== 'separator')
const menuNamed = (template: Item[], name: string): Item | undefined => template.find((m) => plain(m.label) === name)
const allItems = (template: Item[]): Item[] => template.flatMap(realItems)

describe('buildMenuTemplate', () => {
  it('has File, View, Simulation and Help with the agreed items, on Windows and Linux', () => {
    const { template } = build('linux')
    expect(template.map((m) => plain(m.label))).toEqual(['File', 'View', 'Simulation', 'Help'])
    const labels = (name: string): (string | undefined)[] => realItems(menuNamed(template, name)).map((i) => i.label)
    expect(labels('File')).toEqual([
      'New sandbox',
      'Open scenario…',
      'Save scenario as…',
      'Save session as command file…',
      'Export picture as PNG…',
      'Quit'
    ])
    expect(labels('View')).toEqual(['Projector mode', 'Full screen', 'Zoom in', 'Zoom out', 'Reset zoom'])
    expect(labels('Simulation')).toEqual(['Play/Pause', 'Step', 'Slower', 'Faster', 'Checkpoint', 'Rewind', 'Reset all'])
    expect(labels('Help')).toEqual(['Keyboard shortcuts', 'Glossary', 'About Stacklab'])
  })

  it('gives the expected accelerators', () => {
    const { template } = build('win32')
    const accelerators = Object.fromEntries(allItems(template).map((i) => [i.label, i.accelerator]))
    expect(accelerators).toMatchObject({
      'New sandbox': 'CmdOrCtrl+Shift+N',
      'Open scenario…': 'CmdOrCtrl+Shift+O',
      'Save scenario as…': 'CmdOrCtrl+Shift+S',
      'Save session as command file…': 'CmdOrCtrl+Shift+H',
      'Export picture as PNG…': 'CmdOrCtrl+Shift+E',
      Quit: 'CmdOrCtrl+Q',
      'Projector mode': 'CmdOrCtrl+Shift+P',
      'Full screen': 'F11',
      'Zoom in': 'CmdOrCtrl+=',
      'Zoom out': 'CmdOrCtrl+-',
      'Reset zoom': 'CmdOrCtrl+0',
      'Play/Pause': 'CmdOrCtrl+Shift+Space',
      Step: 'CmdOrCtrl+Shift+Right',
      Slower: 'CmdOrCtrl+Shift+Down',
      Faster: 'CmdOrCtrl+Shift+Up',
      Checkpoint: 'CmdOrCtrl+Shift+K',
      Rewind: 'CmdOrCtrl+Shift+Left',
      'Keyboard shortcuts': 'F1',
      Glossary: 'CmdOrCtrl+Shift+G'
    })
    expect(accelerators['Reset all']).toBeUndefined()
  })

  it('leaves every plain Ctrl+letter to the terminal, and uses no accelerator twice', () => {
    const accelerators = allItems(build('linux').template).flatMap((i) => (typeof i.accelerator === 'string' ? [i.accelerator] : []))
    const stolen = accelerators.filter((a) => /^(CmdOrCtrl|Ctrl|CommandOrControl)\+[A-Z]$/i.test(a) && a !== 'CmdOrCtrl+Q')
    expect(stolen).toEqual([])
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('sends each action id once, and covers every action of the contract', () => {
    const { template, send } = build('linux')
    for (const item of allItems(template)) {
      if (item.click) (item.click as () => void)()
    }
    const sent = send.mock.calls.map(([action]) => action)
    expect([...sent].sort()).toEqual([...MENU_ACTIONS].sort())
  })

  it('quits and goes full screen through Electron roles, not the renderer', () => {
    const items = allItems(build('linux').template)
    expect(items.find((i) => i.label === 'Quit')?.role).toBe('quit')
    expect(items.find((i) => i.label === 'Full screen')?.role).toBe('togglefullscreen')
  })

  it('follows macOS conventions: app menu with Quit, an Edit menu for copy/paste', () => {
    const { template } = build('darwin')
    expect(template[0]?.role).toBe('appMenu')
    expect(template.some((m) => m.role === 'editMenu')).toBe(true)
    expect(realItems(menuNamed(template, 'File')).map((i) => i.label)).not.toContain('Quit')
    expect(allItems(template).find((i) => i.label === 'Full screen')?.accelerator).toBe('Ctrl+Cmd+F')
  })

  it('offers developer tools only in development', () => {
    expect(allItems(build('linux', false).template).some((i) => i.role === 'toggleDevTools')).toBe(false)
    expect(allItems(build('linux', true).template).some((i) => i.role === 'toggleDevTools')).toBe(true)
  })
})

/** Every menu and item of a template, in order, with where it sits (roles without a label are Electron's own menus). */
function everyEntry(template: Item[]): { where: string; item: Item }[] {
  return template.flatMap((menu, m) => [
    { where: `menu ${m}`, item: menu },
    ...submenuOf(menu).flatMap((item, i) => (item.type === 'separator' ? [] : [{ where: `menu ${m} item ${i}`, item }]))
  ])
}

// words German shares with English: they may stay as they are
const SAME_IN_BOTH = new Set(['Simulation'])
const withoutMarker = (label: string | undefined): string => (label ?? '').replace(/&/g, '')

describe('buildMenuTemplate in each language', () => {
  const shapes: [NodeJS.Platform, boolean][] = [['linux', true], ['win32', false], ['darwin', true]]

  it.each(NATIVE_LANGUAGES)('%s: every menu and item has a non-empty label (Electron roles included)', (language) => {
    for (const [platform, isDevelopment] of shapes) {
      for (const { where, item } of everyEntry(build(platform, isDevelopment, language).template)) {
        // the macOS app and Edit menus are Electron's own, labelled by Electron and the OS
        if (item.role === 'appMenu' || item.role === 'editMenu') continue
        expect(withoutMarker(item.label).trim(), `${platform} ${where}`).not.toBe('')
      }
    }
  })

  it('German: the same structure, roles, actions and accelerators as English', () => {
    for (const [platform, isDevelopment] of shapes) {
      const strip = (template: Item[]) =>
        everyEntry(template).map(({ where, item }) => ({ where, role: item.role, accelerator: item.accelerator, type: item.type }))
      expect(strip(build(platform, isDevelopment, 'de').template)).toEqual(strip(build(platform, isDevelopment, 'en').template))
      const { template, send } = build(platform, isDevelopment, 'de')
      for (const { item } of everyEntry(template)) if (item.click) (item.click as () => void)()
      expect(send.mock.calls.map(([action]) => action).sort()).toEqual([...MENU_ACTIONS].sort())
    }
  })

  it('German: every label differs from the English one, except words both languages share', () => {
    const english = everyEntry(build('linux', true, 'en').template)
    const german = everyEntry(build('linux', true, 'de').template)
    expect(german).toHaveLength(english.length)
    german.forEach(({ where, item }, i) => {
      const en = english[i]?.item.label
      if (SAME_IN_BOTH.has(withoutMarker(en))) expect(item.label, where).toBe(en)
      else expect(withoutMarker(item.label), where).not.toBe(withoutMarker(en))
    })
  })

  it('German: menus keep an access key each, and no two menus share one', () => {
    const { template } = build('linux', false, 'de')
    expect(template.map((m) => m.label)).toEqual(['&Datei', '&Ansicht', '&Simulation', '&Hilfe'])
    const keys = template.map((m) => /&(.)/.exec(m.label ?? '')?.[1]?.toLowerCase())
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('German: Quit, Full screen and the developer tools keep their Electron roles under German labels', () => {
    const items = allItems(build('linux', true, 'de').template)
    expect(items.find((i) => i.role === 'quit')?.label).toBe('Beenden')
    expect(items.find((i) => i.role === 'togglefullscreen')?.label).toBe('Vollbild')
    expect(items.find((i) => i.role === 'toggleDevTools')?.label).toBe('Entwicklerwerkzeuge')
  })
})
