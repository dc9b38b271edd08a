/** The daemon's answer: a value, or an HTTP status with dockerd's error message. */
export type EngineResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string }
export const done = <T>(value: T): EngineResult<T> => ({ ok: true, value })
export const refuse = (status: number, message: string): EngineResult<never> => ({ ok: false, status, message })
