// Runs the real preload against a fake electron module: what reaches the page is exactly one object with
// one function per capability, each a fixed invoke on a fixed channel, and menu callbacks get only the id.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StacklabBridge } from '../shared/bridge'
import { CHANNELS } from '../shared/ipcChannels'

const exposed = new Map<string, unknown>()
type Listener = (event: unknown, ...args: unknown[]) => void
const listeners = new Map<string, Set<Listener>>()
const invoke = vi.fn(async (..._args: unknown[]) => ({ status: 'cancelled' }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)?.add(listener)
    },
    removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener)
  }
}))

async function loadBridge(): Promise<StacklabBridge> {
  vi.resetModules()
  exposed.clear()
  listeners.clear()
  await import('./index')
  return exposed.get('stacklab') as StacklabBridge
}

function emitMenu(...args: unknown[]): void {
  for (const listener of listeners.get(CHANNELS.menuCommand) ?? []) listener({ sender: 'the ipcRenderer' }, ...args)
}

beforeEach(() => invoke.mockClear())

describe('preload bridge', () => {
  it('exposes one object, window.stacklab, with exactly the agreed functions', async () => {
    const bridge = await loadBridge()
    expect([...exposed.keys()]).toEqual(['stacklab'])
    expect(Object.keys(bridge).sort()).toEqual(['autosave', 'onMenuCommand', 'openTextFile', 'savePng', 'saveTextFile'])
    expect(Object.keys(bridge.autosave).sort()).toEqual(['read', 'write'])
    for (const value of [bridge.openTextFile, bridge.savePng, bridge.saveTextFile, bridge.onMenuCommand, bridge.autosave.read, bridge.autosave.write]) {
      expect(typeof value).toBe('function')
    }
  })

  it('maps each function to its channel, passing arguments through unchanged', async () => {
    const bridge = await loadBridge()
    await bridge.openTextFile()
    await bridge.saveTextFile({ suggestedName: 'a.txt', text: 'hi' })
    await bridge.savePng({ suggestedName: 'a.png', dataBase64: 'AAAA' })
    await bridge.autosave.read()
    await bridge.autosave.write('{"seq":1}')
    expect(invoke.mock.calls).toEqual([
      [CHANNELS.openTextFile],
      [CHANNELS.saveTextFile, { suggestedName: 'a.txt', text: 'hi' }],
      [CHANNELS.savePng, { suggestedName: 'a.png', dataBase64: 'AAAA' }],
      [CHANNELS.autosaveRead],
      [CHANNELS.autosaveWrite, '{"seq":1}']
    ])
  })

  it('hands menu callbacks the action id only, drops unknown ids, and unsubscribes', async () => {
    const bridge = await loadBridge()
    const callback = vi.fn()
    const unsubscribe = bridge.onMenuCommand(callback)
    emitMenu('sim.playPause')
    emitMenu('rm -rf')
    emitMenu({ action: 'sim.step' })
    expect(callback.mock.calls).toEqual([['sim.playPause']])
    unsubscribe()
    emitMenu('sim.step')
    expect(callback).toHaveBeenCalledTimes(1)
    expect(listeners.get(CHANNELS.menuCommand)?.size).toBe(0)
  })
})
