// Child process for autosave.kill.test.ts: runs the real autosave store in a loop until it is SIGKILLed.
// After each write resolves it prints "ACK <seq>" with writeSync (process.stdout is asynchronous for pipes
// on Windows), so a printed ACK has left the process before the next write starts.
import { writeSync } from 'node:fs'
import { createAutosaveStore } from '../autosave'

/** The payload for a sequence number: sizes vary (40–400 kB) so kills land at every stage of a write. */
export function payloadFor(seq: number): string {
  const fillerLength = 40_000 + ((seq * 7919) % 360_000)
  return JSON.stringify({ seq, filler: String(seq % 10).repeat(fillerLength) })
}

async function main(): Promise<void> {
  const directory = process.argv[2]
  if (!directory) throw new Error('usage: autosaveWriter <directory>')
  const store = createAutosaveStore(directory)
  const loaded = await store.read()
  let seq = loaded.status === 'ok' ? (JSON.parse(loaded.payload) as { seq: number }).seq : 0
  writeSync(1, `START ${seq}\n`)
  for (;;) {
    seq += 1
    const result = await store.write(payloadFor(seq))
    if (result.status !== 'saved') throw new Error(`write ${seq} failed: ${JSON.stringify(result)}`)
    writeSync(1, `ACK ${seq}\n`)
  }
}

// only when run as the child, not when the test imports payloadFor
if (process.argv[1]?.includes('autosaveWriter')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`)
    process.exit(2)
  })
}
