// The engine bridge's one-way channel from the page: the same gate as the invoke handlers (our top frame only),
// then the bridge validates the message itself (EngineFromRendererSchema) and drops anything else.
import type { IpcMainEvent } from 'electron'
import { CHANNELS } from '../shared/ipcChannels'
import { isTrustedSender } from './navigationPolicy'

/** The part of ipcMain this needs, so a test can pass a fake. */
export interface MessageRegistrar {
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): void
}

export function registerEngineReplies(
  ipcMain: MessageRegistrar,
  bridge: { receive(message: unknown): void },
  options: { appOrigin: string; log: { warn(message: string): void } }
): void {
  ipcMain.on(CHANNELS.engineFromRenderer, (event, ...args) => {
    const frame = event.senderFrame
    const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
    if (!isTrustedSender(sender, options.appOrigin)) {
      options.log.warn(`[ipc] refused ${CHANNELS.engineFromRenderer}: sender ${sender?.url ?? '(gone)'} is not ${options.appOrigin}`)
      return
    }
    if (args.length !== 1) {
      options.log.warn(`[ipc] refused ${CHANNELS.engineFromRenderer}: ${args.length} arguments`)
      return
    }
    bridge.receive(args[0])
  })
}
