// What grew, when the soak's heap or DOM counts grow: a census of the JS heap by constructor (a CDP heap snapshot,
// aggregated here) and of the DOM by tag and first class, and the difference between two censuses.
import type { CDPSession, Page } from '@playwright/test'
import { snapshotText } from './heapDiff'

export type Census = Map<string, { count: number; bytes: number }>

interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

/** Heap objects by type and constructor name (after a GC: a snapshot collects first). */
export async function heapCensus(cdp: CDPSession): Promise<Census> {
  const snap = JSON.parse(await snapshotText(cdp)) as HeapSnapshotJson
  const fields = snap.snapshot.meta.node_fields
  const types = snap.snapshot.meta.node_types[0]
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const census: Census = new Map()
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!] ?? '?'
    if (type === 'hidden' || type === 'synthetic' || type === 'code') continue
    const raw = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '(string)' : snap.strings[snap.nodes[i + nameAt]!] ?? '?'
    const key = `${type}:${raw.length > 60 ? raw.slice(0, 60) + '…' : raw}`
    const entry = census.get(key) ?? { count: 0, bytes: 0 }
    entry.count++
    entry.bytes += snap.nodes[i + sizeAt]!
    census.set(key, entry)
  }
  return census
}

/** DOM elements by tag and first class, and the text nodes in the document by their parent's tag and class
 * ("#text in pre.log"): text nodes are most of what a growing panel adds. */
export async function domCensus(page: Page): Promise<Census> {
  const rows = await page.evaluate(() => {
    interface El { tagName: string; classList: { [i: number]: string; length: number }; childNodes: ArrayLike<{ nodeType: number }> }
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<El> } }).document
    const counts: Record<string, number> = {}
    const all = doc.querySelectorAll('*')
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!
      const key = `${el.tagName.toLowerCase()}${el.classList.length ? '.' + el.classList[0] : ''}`
      counts[key] = (counts[key] ?? 0) + 1
      let texts = 0
      for (let k = 0; k < el.childNodes.length; k++) if (el.childNodes[k]!.nodeType === 3) texts++
      if (texts) counts[`#text in ${key}`] = (counts[`#text in ${key}`] ?? 0) + texts
    }
    return Object.entries(counts)
  })
  return new Map(rows.map(([key, count]) => [key, { count, bytes: 0 }]))
}

/** The entries that grew most from `before` to `after` (by bytes when there are any, else by count). */
export function censusGrowth(before: Census, after: Census, top = 12): string[] {
  const rows: { key: string; dCount: number; dBytes: number; count: number }[] = []
  for (const [key, now] of after) {
    const then = before.get(key) ?? { count: 0, bytes: 0 }
    if (now.count > then.count || now.bytes > then.bytes) rows.push({ key, dCount: now.count - then.count, dBytes: now.bytes - then.bytes, count: now.count })
  }
  rows.sort((a, b) => b.dBytes - a.dBytes || b.dCount - a.dCount)
  return rows.slice(0, top).map((r) => `${r.key}: +${r.dCount} (now ${r.count})${r.dBytes ? `, +${Math.round(r.dBytes / 1024)} KB` : ''}`)
}
