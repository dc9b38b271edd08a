// Registers the invoke handlers behind a gate: the channel must carry our prefix, the sender must be the
// top frame of our own page, and the arguments must parse with the channel's zod schema. Anything else is
// logged and refused before an implementation sees it. Results are parsed too, so a bug in main cannot send
// the renderer a shape the contract does not promise.
import type { IpcMainInvokeEvent } from 'electron'
import {
  CHANNEL_PREFIX,
  INVOKE_CONTRACT,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult
} from '../shared/ipc'
import { isTrustedSender } from './navigationPolicy'

export type InvokeImplementations = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>>
}

/** The part of ipcMain this needs, so a test can pass a fake. */
export interface InvokeRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
}

export interface IpcLog {
  warn(message: string): void
}

/** Thrown to the renderer (which sees only the message): says what was refused, never echoes the input. */
export class IpcRefusedError extends Error {}

export function registerInvokeHandlers(
  ipcMain: InvokeRegistrar,
  implementations: InvokeImplementations,
  options: { appOrigin: string; log: IpcLog }
): void {
  for (const channel of Object.keys(INVOKE_CONTRACT) as InvokeChannel[]) {
    if (!channel.startsWith(CHANNEL_PREFIX)) throw new Error(`IPC channel ${channel} lacks the ${CHANNEL_PREFIX} prefix`)
    const contract = INVOKE_CONTRACT[channel]
    const implementation = implementations[channel] as (...args: unknown[]) => Promise<unknown>

    ipcMain.handle(channel, async (event, ...args) => {
      const frame = event.senderFrame
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
      if (!isTrustedSender(sender, options.appOrigin)) {
        options.log.warn(`[ipc] refused ${channel}: sender ${sender?.url ?? '(gone)'} is not ${options.appOrigin}`)
        throw new IpcRefusedError(`${channel}: untrusted sender`)
      }
      const parsedArgs = contract.args.safeParse(args)
      if (!parsedArgs.success) {
        options.log.warn(`[ipc] refused ${channel}: ${summarizeIssues(parsedArgs.error.issues)}`)
        throw new IpcRefusedError(`${channel}: malformed arguments`)
      }
      const result = await implementation(...(parsedArgs.data as unknown[]))
      const parsedResult = contract.result.safeParse(result)
      if (!parsedResult.success) {
        options.log.warn(`[ipc] ${channel} produced a result outside the contract: ${summarizeIssues(parsedResult.error.issues)}`)
        throw new IpcRefusedError(`${channel}: internal error`)
      }
      return parsedResult.data
    })
  }
}

// paths and codes only: the offending values may be megabytes of renderer-supplied text
function summarizeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; code: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(arguments)'}: ${issue.code}`)
    .join('; ')
}
