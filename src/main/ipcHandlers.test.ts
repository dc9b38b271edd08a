import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, INVOKE_CONTRACT } from '../shared/ipc'
import { registerInvokeHandlers, type InvokeImplementations, type InvokeRegistrar } from './ipcHandlers'

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

function setup(overrides: Partial<InvokeImplementations> = {}) {
  const listeners = new Map<string, Listener>()
  const registrar: InvokeRegistrar = { handle: (channel, listener) => void listeners.set(channel, listener) }
  const implementations: InvokeImplementations = {
    [CHANNELS.openTextFile]: vi.fn(async () => ({ status: 'cancelled' as const })),
    [CHANNELS.saveTextFile]: vi.fn(async () => ({ status: 'saved' as const, name: 'a.txt' })),
    [CHANNELS.savePng]: vi.fn(async () => ({ status: 'cancelled' as const })),
    [CHANNELS.autosaveRead]: vi.fn(async () => ({ status: 'none' as const })),
    [CHANNELS.autosaveWrite]: vi.fn(async () => ({ status: 'saved' as const, savedAt: '2026-01-01T00:00:00.000Z' })),
    [CHANNELS.setLanguage]: vi.fn(async () => undefined),
    [CHANNELS.engineStart]: vi.fn(async () => ({ state: 'listening' as const, host: '127.0.0.1' as const, port: 23750 })),
    [CHANNELS.engineStop]: vi.fn(async () => ({ state: 'off' as const })),
    [CHANNELS.engineStatus]: vi.fn(async () => ({ state: 'off' as const })),
    ...overrides
  }
  const warn = vi.fn<(message: string) => void>()
  registerInvokeHandlers(registrar, implementations, { appOrigin: 'app://stacklab', log: { warn } })
  const invoke = (channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]) => {
    const listener = listeners.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return listener({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args)
  }
  return { listeners, implementations, warn, invoke }
}

const ourPage = { url: 'app://stacklab/index.html', parent: null }

describe('registerInvokeHandlers', () => {
  it('registers one handler per contract channel, all prefixed', () => {
    const { listeners } = setup()
    expect([...listeners.keys()].sort()).toEqual(Object.keys(INVOKE_CONTRACT).sort())
  })

  it('passes well-formed calls from our page to the implementation', async () => {
    const { invoke, implementations } = setup()
    const result = await invoke(CHANNELS.saveTextFile, ourPage, { suggestedName: 'a.txt', text: 'hello' })
    expect(result).toEqual({ status: 'saved', name: 'a.txt' })
    expect(implementations[CHANNELS.saveTextFile]).toHaveBeenCalledWith({ suggestedName: 'a.txt', text: 'hello' })
  })

  it('refuses and logs malformed arguments without calling the implementation', async () => {
    const { invoke, implementations, warn } = setup()
    await expect(invoke(CHANNELS.saveTextFile, ourPage, { suggestedName: '../../.bashrc', text: 'rm -rf ~' })).rejects.toThrow(
      /malformed arguments/
    )
    await expect(invoke(CHANNELS.autosaveWrite, ourPage, 42)).rejects.toThrow(/malformed/)
    await expect(invoke(CHANNELS.autosaveWrite, ourPage, 'ok', 'extra')).rejects.toThrow(/malformed/)
    expect(implementations[CHANNELS.saveTextFile]).not.toHaveBeenCalled()
    expect(implementations[CHANNELS.autosaveWrite]).not.toHaveBeenCalled()
    expect(warn).toHaveBeenCalledTimes(3)
    // the log names the field, but never echoes what the page sent
    expect(warn.mock.calls[0]?.[0]).toContain('suggestedName')
    expect(warn.mock.calls[0]?.[0]).not.toContain('rm -rf')
  })

  it('passes a supported language code on, and refuses anything else as malformed', async () => {
    const { invoke, implementations, warn } = setup()
    expect(await invoke(CHANNELS.setLanguage, ourPage, 'de')).toBeUndefined()
    expect(implementations[CHANNELS.setLanguage]).toHaveBeenCalledWith('de')
    for (const bad of [['fr'], ['de-DE'], ['<script>'], [{ language: 'de' }], [], ['de', 'en']]) {
      await expect(invoke(CHANNELS.setLanguage, ourPage, ...bad)).rejects.toThrow(/malformed arguments/)
    }
    expect(implementations[CHANNELS.setLanguage]).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledTimes(6)
    expect(warn.mock.calls.map(([message]) => message).join('\n')).not.toContain('<script>')
    await expect(invoke(CHANNELS.setLanguage, { url: 'https://evil.example/', parent: null }, 'de')).rejects.toThrow(/untrusted sender/)
    expect(implementations[CHANNELS.setLanguage]).toHaveBeenCalledTimes(1)
  })

  it('refuses calls from another origin, from a subframe, or from a frame that is gone', async () => {
    const { invoke, implementations, warn } = setup()
    await expect(invoke(CHANNELS.autosaveRead, { url: 'https://evil.example/', parent: null })).rejects.toThrow(/untrusted sender/)
    await expect(invoke(CHANNELS.autosaveRead, { url: 'app://stacklab/index.html', parent: {} })).rejects.toThrow(/untrusted/)
    await expect(invoke(CHANNELS.autosaveRead, null)).rejects.toThrow(/untrusted/)
    expect(implementations[CHANNELS.autosaveRead]).not.toHaveBeenCalled()
    expect(warn).toHaveBeenCalledTimes(3)
  })

  it('refuses to send the renderer a result outside the contract', async () => {
    const broken = vi.fn(async () => ({ status: 'ok', payload: 42 }) as never)
    const { invoke, warn } = setup({ [CHANNELS.autosaveRead]: broken })
    await expect(invoke(CHANNELS.autosaveRead, ourPage)).rejects.toThrow(/internal error/)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('outside the contract'))
  })
})
