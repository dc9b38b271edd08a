// Reading what the Engine API streams: the 8-byte multiplexed frames and JSON lines.
const decoder = new TextDecoder()

/** Demultiplex `[stream,0,0,0,len BE32] payload` frames; raw (TTY) bodies go to stdout. */
export function demux(body: Uint8Array, tty: boolean): { stdout: string; stderr: string } {
  if (tty) return { stdout: decoder.decode(body), stderr: '' }
  let stdout = ''
  let stderr = ''
  let at = 0
  while (at + 8 <= body.length) {
    const stream = body[at]!
    const len = ((body[at + 4]! << 24) | (body[at + 5]! << 16) | (body[at + 6]! << 8) | body[at + 7]!) >>> 0
    const payload = decoder.decode(body.subarray(at + 8, at + 8 + len))
    if (stream === 2) stderr += payload
    else stdout += payload
    at += 8 + len
  }
  return { stdout, stderr }
}

export function jsonLines(body: Uint8Array): unknown[] {
  return decoder.decode(body).split(/\r?\n/).filter((l) => l.trim()).map((l) => {
    try { return JSON.parse(l) as unknown } catch { return { stream: l } }
  })
}

export const text = (body: Uint8Array): string => decoder.decode(body)
