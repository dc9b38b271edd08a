// The soak's heap diff (tests/soak/heapDiff.ts) on hand-made snapshots: a cache that gains entries is named as the
// retainer that grew, a collection that only replaces its entries nets out, compiled code stays out of the rows.
import { describe, expect, it } from 'vitest'
import { growthLines, heapGrowth, parseSnapshot } from '../soak/heapDiff'

const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic']
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']

interface N { id: number; type: string; name: string; size: number; edges: { type: string; name: string | number; to: number }[] }

/** A snapshot in V8's JSON layout from nodes given by id; node 0 (the root) must come first. */
function snapshot(nodes: N[]): Parameters<typeof parseSnapshot>[0] {
  const strings: string[] = []
  const str = (s: string): number => {
    const at = strings.indexOf(s)
    return at >= 0 ? at : strings.push(s) - 1
  }
  const index = new Map(nodes.map((n, i) => [n.id, i]))
  const flatNodes: number[] = []
  const flatEdges: number[] = []
  for (const n of nodes) {
    flatNodes.push(NODE_TYPES.indexOf(n.type), str(n.name), n.id, n.size, n.edges.length)
    for (const e of n.edges) flatEdges.push(EDGE_TYPES.indexOf(e.type), typeof e.name === 'number' ? e.name : str(e.name), index.get(e.to)! * 5)
  }
  return {
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [NODE_TYPES], edge_fields: ['type', 'name_or_index', 'to_node'], edge_types: [EDGE_TYPES] } },
    nodes: flatNodes,
    edges: flatEdges,
    strings
  }
}

const root = (to: number[]): N => ({ id: 1, type: 'synthetic', name: '(root)', size: 0, edges: to.map((t, i) => ({ type: 'element', name: i, to: t })) })
const entry = (id: number, size = 100): N => ({ id, type: 'object', name: 'Entry', size, edges: [] })

describe('heapGrowth', () => {
  it('charges new entries to the collection that holds them, nets out replaced ones, and keeps code out of the rows', () => {
    const app = (cacheEntries: number[], churnEntries: number[], code: number[]): N[] => [
      root([2]),
      { id: 2, type: 'object', name: 'App', size: 40, edges: [{ type: 'property', name: 'cache', to: 3 }, { type: 'property', name: 'queue', to: 4 }, ...code.map((c) => ({ type: 'internal' as const, name: 'code', to: c }))] },
      { id: 3, type: 'object', name: 'Map', size: 40, edges: cacheEntries.map((to, i) => ({ type: 'element', name: i, to })) },
      { id: 4, type: 'array', name: 'Array', size: 40, edges: churnEntries.map((to, i) => ({ type: 'element', name: i, to })) },
      ...cacheEntries.map((id) => entry(id)),
      ...churnEntries.map((id) => entry(id, 50)),
      ...code.map((id) => ({ id, type: 'code', name: 'system / Code', size: 1000, edges: [] }))
    ]
    const before = parseSnapshot(snapshot(app([10, 11], [30, 31], [])))
    // the cache keeps 11 and gains 12, 13 (10 went); the queue swaps both its entries for new ones; code is compiled
    const after = parseSnapshot(snapshot(app([11, 12, 13], [32, 33], [50])))
    const growth = heapGrowth(before, after)
    const cache = growth.rows.find((r) => r.retainer === 'object:Map []')!
    expect(cache).toMatchObject({ newObjects: 2, goneObjects: 1, bytes: 100 })
    expect(cache.path).toBe('[] object:App → .cache object:Map')
    const queue = growth.rows.find((r) => r.retainer === 'array:Array []')!
    expect(queue).toMatchObject({ newObjects: 2, goneObjects: 2, bytes: 0 })
    expect(growth.rows.some((r) => r.sample.startsWith('code:'))).toBe(false)
    expect(growth.netBytes).toBe(100)
    expect(growth.byType).toMatchObject({ code: 1000, object: 100 })
    expect(growthLines(growth)[0]).toContain('data 0 KB net')
  })
})
