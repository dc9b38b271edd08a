// Where the heap grew: two CDP heap snapshots (after the warm-up and at the end). An object's snapshot id is stable
// while it lives, so the objects new in the second and those gone from the first are known. Each is charged to its
// nearest ancestor, on a shortest path from the GC roots, that lives in both; grouped by that retainer and the edge
// from it, new minus gone names the collection that grows ("BitmapFontManager.measureCache → +587 entries, +417
// KB") while churn nets out. The rows count the app's data; V8's compiled code (node type `code`: machine code,
// bytecode, feedback) only appears in the totals by type, since it grows as the JIT warms up, not with the app's
// state. Blink's own objects (type `native`) are left out: they are not in the V8 heap the soak bounds.
// Used by `npm run soak -- --diff`.
import type { CDPSession } from '@playwright/test'

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } }
  nodes: number[]
  edges: number[]
  strings: string[]
}

export interface HeapGraph {
  count: number
  ids: Uint32Array
  selfSize: Float64Array
  type: Uint8Array
  name: Uint32Array
  types: string[]
  strings: string[]
  /** first edge index per node (edge i of node n is firstEdge[n] + i) */
  firstEdge: Uint32Array
  edgeTo: Uint32Array
  edgeType: Uint8Array
  edgeName: Uint32Array
  edgeTypes: string[]
}

/** A heap snapshot of the page, as V8's JSON text (a snapshot collects garbage first). */
export async function snapshotText(cdp: CDPSession): Promise<string> {
  const chunks: string[] = []
  const onChunk = (event: { chunk: string }): void => { chunks.push(event.chunk) }
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  }
  return chunks.join('')
}

export async function takeSnapshot(cdp: CDPSession): Promise<HeapGraph> {
  return parseSnapshot(JSON.parse(await snapshotText(cdp)) as SnapshotJson)
}

export function parseSnapshot(snap: SnapshotJson): HeapGraph {
  const nf = snap.snapshot.meta.node_fields
  const ef = snap.snapshot.meta.edge_fields
  const width = nf.length
  const eWidth = ef.length
  const count = snap.nodes.length / width
  const [tAt, nAt, iAt, sAt, cAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number, number]
  const [etAt, enAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number]
  const g: HeapGraph = {
    count,
    ids: new Uint32Array(count),
    selfSize: new Float64Array(count),
    type: new Uint8Array(count),
    name: new Uint32Array(count),
    types: snap.snapshot.meta.node_types[0],
    strings: snap.strings,
    firstEdge: new Uint32Array(count + 1),
    edgeTo: new Uint32Array(snap.edges.length / eWidth),
    edgeType: new Uint8Array(snap.edges.length / eWidth),
    edgeName: new Uint32Array(snap.edges.length / eWidth),
    edgeTypes: snap.snapshot.meta.edge_types[0]
  }
  let e = 0
  for (let n = 0; n < count; n++) {
    const base = n * width
    g.ids[n] = snap.nodes[base + iAt]!
    g.selfSize[n] = snap.nodes[base + sAt]!
    g.type[n] = snap.nodes[base + tAt]!
    g.name[n] = snap.nodes[base + nAt]!
    g.firstEdge[n] = e
    e += snap.nodes[base + cAt]!
  }
  g.firstEdge[count] = e
  for (let k = 0; k < g.edgeTo.length; k++) {
    g.edgeType[k] = snap.edges[k * eWidth + etAt]!
    g.edgeName[k] = snap.edges[k * eWidth + enAt]!
    g.edgeTo[k] = snap.edges[k * eWidth + toAt]! / width
  }
  return g
}

function nodeLabel(g: HeapGraph, n: number): string {
  const type = g.types[g.type[n]!] ?? '?'
  const raw = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '(string)' : g.strings[g.name[n]!] ?? '?'
  return `${type}:${raw.length > 50 ? raw.slice(0, 50) + '…' : raw}`
}

function edgeLabel(g: HeapGraph, k: number): string {
  const type = g.edgeTypes[g.edgeType[k]!] ?? '?'
  if (type === 'element' || type === 'hidden') return '[]'
  const name = g.strings[g.edgeName[k]!] ?? '?'
  return type === 'internal' ? `(${name})` : `.${name.length > 30 ? name.slice(0, 30) + '…' : name}`
}

/** The JS heap in a snapshot, split: V8's compiled code and its metadata (type `code`) and everything else. */
export function heapSplit(g: HeapGraph): { codeBytes: number; dataBytes: number } {
  let codeBytes = 0
  let dataBytes = 0
  for (let n = 0; n < g.count; n++) {
    if (!isJs(g, n)) continue
    if (g.types[g.type[n]!] === 'code') codeBytes += g.selfSize[n]!
    else dataBytes += g.selfSize[n]!
  }
  return { codeBytes, dataBytes }
}

export interface Growth { retainer: string; path: string; newObjects: number; goneObjects: number; bytes: number; sample: string }

interface Tree { parent: Int32Array; parentEdge: Int32Array; seen: Uint8Array }

/** Breadth-first from the root (node 0), skipping weak edges: each node's parent on a shortest strong path. */
function shortestPaths(g: HeapGraph): Tree {
  const parentEdge = new Int32Array(g.count).fill(-1)
  const parent = new Int32Array(g.count).fill(-1)
  const seen = new Uint8Array(g.count)
  const weak = g.edgeTypes.indexOf('weak')
  const queue = new Uint32Array(g.count)
  let head = 0
  let tail = 0
  queue[tail++] = 0
  seen[0] = 1
  while (head < tail) {
    const n = queue[head++]!
    for (let k = g.firstEdge[n]!; k < g.firstEdge[n + 1]!; k++) {
      if (g.edgeType[k] === weak) continue
      const to = g.edgeTo[k]!
      if (seen[to]) continue
      seen[to] = 1
      parent[to] = n
      parentEdge[to] = k
      queue[tail++] = to
    }
  }
  return { parent, parentEdge, seen }
}

/** The last few hops of `n`'s path from the roots, `n` last ("[] object:App → .cache object:Map"). */
function pathOf(g: HeapGraph, t: Tree, n: number, hops = 5): string {
  const parts: string[] = []
  let at = n
  for (let i = 0; i < hops && at > 0; i++) {
    const e = t.parentEdge[at]!
    parts.unshift(`${e >= 0 ? edgeLabel(g, e) : ''} ${nodeLabel(g, at)}`.trim())
    at = t.parent[at]!
  }
  return parts.join(' → ')
}

/** JS objects only: Blink's own (native) heap is not part of the V8 heap the soak bounds (Runtime.getHeapUsage). */
function isJs(g: HeapGraph, n: number): boolean {
  const type = g.types[g.type[n]!]
  return type !== 'native' && type !== 'synthetic' && type !== 'hidden'
}

/** The app's data: JS objects other than V8's compiled code and its metadata (node type `code`). */
function isData(g: HeapGraph, n: number): boolean {
  return isJs(g, n) && g.types[g.type[n]!] !== 'code'
}

/** Charges each object present in `from` only to its nearest ancestor present in both; `sign` +1 for new, -1 for gone. */
function charge(from: HeapGraph, t: Tree, inOther: Set<number>, sign: 1 | -1, groups: Map<string, Growth>): void {
  for (let n = 1; n < from.count; n++) {
    if (inOther.has(from.ids[n]!) || !t.seen[n] || !isData(from, n)) continue
    let child = n
    let up = t.parent[n]!
    while (up > 0 && !inOther.has(from.ids[up]!)) {
      child = up
      up = t.parent[up]!
    }
    const via = t.parentEdge[child]! >= 0 ? edgeLabel(from, t.parentEdge[child]!) : ''
    const key = `${up >= 0 ? nodeLabel(from, up) : '(root)'} ${via}`
    let row = groups.get(key)
    if (!row) {
      row = { retainer: key, path: up > 0 ? pathOf(from, t, up) : '', newObjects: 0, goneObjects: 0, bytes: 0, sample: nodeLabel(from, child) }
      groups.set(key, row)
    }
    if (sign > 0) row.newObjects++
    else row.goneObjects++
    row.bytes += sign * from.selfSize[n]!
  }
}

/**
 * The JS data objects new in `after` and gone from `before`, each charged to its nearest ancestor (on a shortest
 * path from the roots) that lives in both: a retainer whose new objects outweigh its gone ones is growing, one that
 * only replaces its contents (churn) nets out near zero. `byType` has every JS type, compiled code included.
 */
export function heapGrowth(before: HeapGraph, after: HeapGraph, top = 15): { netBytes: number; byType: Record<string, number>; rows: Growth[] } {
  const idsBefore = new Set<number>()
  for (let n = 0; n < before.count; n++) idsBefore.add(before.ids[n]!)
  const idsAfter = new Set<number>()
  for (let n = 0; n < after.count; n++) idsAfter.add(after.ids[n]!)
  const groups = new Map<string, Growth>()
  charge(after, shortestPaths(after), idsBefore, 1, groups)
  charge(before, shortestPaths(before), idsAfter, -1, groups)
  let netBytes = 0
  for (const row of groups.values()) netBytes += row.bytes
  const rows = [...groups.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top)
  return { netBytes, byType: subtract(totalsByType(after, idsBefore, 1), totalsByType(before, idsAfter, -1)), rows }
}

/** Self sizes of the JS objects in `g` that are not in `other`, by node type (code, object, array, string…). */
function totalsByType(g: HeapGraph, other: Set<number>, sign: 1 | -1): Record<string, number> {
  const out: Record<string, number> = {}
  for (let n = 1; n < g.count; n++) {
    if (other.has(g.ids[n]!) || !isJs(g, n)) continue
    const type = g.types[g.type[n]!] ?? '?'
    out[type] = (out[type] ?? 0) + sign * g.selfSize[n]!
  }
  return out
}

function subtract(plus: Record<string, number>, minus: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...plus }
  for (const [k, v] of Object.entries(minus)) out[k] = (out[k] ?? 0) + v
  return out
}

export function growthLines(g: ReturnType<typeof heapGrowth>): string[] {
  return [
    `  JS heap, new minus gone since the warm-up: data ${Math.round(g.netBytes / 1024)} KB net; every JS type: ${Object.entries(g.byType)
      .sort((a, b) => b[1] - a[1]).map(([t, b]) => `${t} ${b >= 0 ? '+' : ''}${Math.round(b / 1024)} KB`).join(', ')}`,
    '  data by the nearest retainer alive in both:',
    ...g.rows.flatMap((r) => [
      `    ${r.retainer}: +${r.newObjects} / -${r.goneObjects} objects, ${r.bytes >= 0 ? '+' : ''}${Math.round(r.bytes / 1024)} KB (e.g. ${r.sample})`,
      ...(r.path ? [`      at ${r.path}`] : [])
    ])
  ]
}
