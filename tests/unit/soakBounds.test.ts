// The soak's verdict (tests/soak/soak.ts outOfBounds): with the heap split from snapshots, the 10% bound holds the
// app's data and a wider one the whole heap with V8's compiled code; without it, the whole heap takes the bound.
import { describe, expect, it } from 'vitest'
import { outOfBounds, type SoakResult, type SoakSnapshot } from '../soak/soak'

const snap = (heapMb: number): SoakSnapshot => ({
  atS: 0, round: 0, heapMb,
  counts: { pixiObjects: 243 } as SoakSnapshot['counts'],
  dom: { documents: 1, nodes: 600, documentNodes: 423, jsEventListeners: 300 }
})

function result(totalEnd: number, split: { dataEnd: number } | null): SoakResult {
  return {
    durationS: 600, rounds: 50, cycles: 25, fresh: snap(10), warm: snap(17), end: snap(totalEnd), resets: [snap(17), snap(totalEnd)],
    heapRatio: Math.round((totalEnd / 17) * 1000) / 1000,
    deltas: { pixiObjects: { baseline: 243, end: 243, ratio: 1 } },
    failedLines: 0, failedSamples: [], errors: [], uiHiccups: [], growth: null, heapDiff: null, skipped: [],
    split: split ? { warm: { codeMb: 10, dataMb: 6 }, end: { codeMb: 10, dataMb: split.dataEnd }, dataRatio: Math.round((split.dataEnd / 6) * 1000) / 1000, codeRatio: 1 } : null
  }
}

describe('outOfBounds', () => {
  it('holds the data to the heap bound and the whole heap to the total bound when the heap is split', () => {
    expect(outOfBounds(result(19.5, { dataEnd: 6.1 }), 1.1, 1.1, 1.25)).toEqual([])
    expect(outOfBounds(result(19.5, { dataEnd: 6.9 }), 1.1, 1.1, 1.25)).toEqual(['heap data 6 MB → 6.9 MB (×1.15, bound ×1.1)'])
    expect(outOfBounds(result(22, { dataEnd: 6.1 }), 1.1, 1.1, 1.25)).toEqual(['heap 17 MB → 22 MB (×1.294, bound ×1.25 with compiled code)'])
  })

  it('holds the whole heap to the heap bound without a split, and a count to the count bound', () => {
    expect(outOfBounds(result(19.5, null), 1.1, 1.1)).toEqual(['heap 17 MB → 19.5 MB (×1.147, bound ×1.1)'])
    const leaky = result(17.5, null)
    leaky.deltas['pixiObjects'] = { baseline: 243, end: 300, ratio: 1.235 }
    expect(outOfBounds(leaky, 1.1, 1.1)).toEqual(['pixiObjects 243 → 300 (bound ±10%)'])
  })
})
