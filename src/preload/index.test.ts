// Runs the real preload against a fake electron module: what reaches the page is exactly one object with
// one function per capability, each a fixed invoke on a fixed channel, and menu callbacks get only the id.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StacklabBridge } from '../shared/bridge'
import { CHANNELS } from '../shared/ipcChannels'

const exposed = new Map<string, unknown>()
type Listener = (event: unknown, ...args: unknown[]) => void
const listeners = new Map<string, Set<Listener>>()
const invoke = vi.fn(async (..._args: unknown[]) => ({ status: 'cancelled' }))
const send = vi.fn((..._args: unknown[]) => undefined)

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    send: (...args: unknown[]) => send(...args),
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

beforeEach(() => {
  invoke.mockClear()
  send.mockClear()
})

describe('preload bridge', () => {
  it('exposes one object, window.stacklab, with exactly the agreed functions', async () => {
    const bridge = await loadBridge()
    expect([...exposed.keys()]).toEqual(['stacklab'])
    expect(Object.keys(bridge).sort()).toEqual(['autosave', 'engine', 'onMenuCommand', 'openTextFile', 'savePng', 'saveTextFile', 'setLanguage'])
    expect(Object.keys(bridge.autosave).sort()).toEqual(['read', 'write'])
    expect(Object.keys(bridge.engine).sort()).toEqual(['onMessage', 'send', 'start', 'status', 'stop'])
    for (const value of [bridge.openTextFile, bridge.savePng, bridge.saveTextFile, bridge.setLanguage, bridge.onMenuCommand, bridge.autosave.read, bridge.autosave.write]) {
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
    await bridge.setLanguage('de')
    expect(invoke.mock.calls).toEqual([
      [CHANNELS.openTextFile],
      [CHANNELS.saveTextFile, { suggestedName: 'a.txt', text: 'hi' }],
      [CHANNELS.savePng, { suggestedName: 'a.png', dataBase64: 'AAAA' }],
      [CHANNELS.autosaveRead],
      [CHANNELS.autosaveWrite, '{"seq":1}'],
      [CHANNELS.setLanguage, 'de']
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

  it('engine bridge: fixed invokes and one fixed send; messages from main reach the page without the event', async () => {
    const bridge = await loadBridge()
    await bridge.engine.start({ port: 23750 })
    await bridge.engine.stop()
    await bridge.engine.status()
    expect(invoke.mock.calls).toEqual([[CHANNELS.engineStart, { port: 23750 }], [CHANNELS.engineStop], [CHANNELS.engineStatus]])
    bridge.engine.send({ kind: 'end', id: 1 })
    expect(send.mock.calls).toEqual([[CHANNELS.engineFromRenderer, { kind: 'end', id: 1 }]])
    const callback = vi.fn()
    const unsubscribe = bridge.engine.onMessage(callback)
    for (const listener of listeners.get(CHANNELS.engineToRenderer) ?? []) listener({ sender: 'the ipcRenderer' }, { kind: 'cancel', id: 1 })
    expect(callback.mock.calls).toEqual([[{ kind: 'cancel', id: 1 }]])
    unsubscribe()
    expect(listeners.get(CHANNELS.engineToRenderer)?.size).toBe(0)
  })
})
