import type { DaemonState } from '../model/types.ts'

/** Read-only layers are stored once however many images and containers share them. */
export function imageLayersMb(daemon: DaemonState): number {
  const seen = new Set<string>()
  let mb = 0
  for (const image of daemon.images) for (const l of image.layers) if (!seen.has(l.id)) { seen.add(l.id); mb += l.sizeMb }
  return mb
}
