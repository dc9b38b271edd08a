// Replace a file so that a crash at any instant leaves either the old content or the new, never a mix:
// write a temp file in the same folder, fsync it, rename it over the target, fsync the folder.
// Same folder because rename is only atomic within one file system; the folder fsync because without it a
// power cut can lose the rename (ext4 data=ordered), which write-file-atomic does not do.
import { promises as fs } from 'node:fs'
import path from 'node:path'

export const TEMP_SUFFIX = '.tmp'

let tempCounter = 0

/** `<target>.<pid>.<n>.tmp`: unique per process and per write, and easy to sweep after a SIGKILL. */
export function tempPathFor(targetPath: string): string {
  tempCounter += 1
  return `${targetPath}.${process.pid}.${tempCounter}${TEMP_SUFFIX}`
}

export async function writeFileAtomic(targetPath: string, data: string | Uint8Array): Promise<void> {
  const tempPath = tempPathFor(targetPath)
  try {
    // 'wx': never follow or reuse something already sitting at the temp name
    const handle = await fs.open(tempPath, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(tempPath, targetPath)
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined)
    throw error
  }
  await fsyncDirectory(path.dirname(targetPath))
}

// Windows refuses to rename over a file that Defender, the indexer or an editor has open (EPERM/EBUSY);
// it clears within a moment, so retry with backoff instead of failing the save.
const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES'])
const RETRY_DELAYS_MS = [50, 100, 150, 200, 200]

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      const delay = RETRY_DELAYS_MS[attempt]
      if (process.platform !== 'win32' || !RETRYABLE.has(code) || delay === undefined) throw error
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

// POSIX only: Windows cannot open a directory for fsync, and NTFS journals the rename itself. By now the
// rename has happened, so a file system that refuses a folder fsync (some network mounts say EINVAL) costs
// only power-cut durability; reporting the save as failed would be wrong.
async function fsyncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await fs.open(directory, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // see above
  }
}
