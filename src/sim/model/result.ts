/** What a command gives back: printed output, or an error that names what is wrong and changed nothing. */
export type CommandResult = { ok: true; output: string } | { ok: false; error: string }
export const ok = (output = ''): CommandResult => ({ ok: true, output })
export const fail = (error: string): CommandResult => ({ ok: false, error })
