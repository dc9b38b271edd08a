import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fairShare } from './fairShare.ts'

describe('fairShare', () => {
  it('gives everyone their demand when there is room', () => {
    const out = [0, 0]
    expect(fairShare(400, [100, 50], [1, 1], 2, out)).toBe(150)
    expect(out).toEqual([100, 50])
  })
  it('splits a contended core by weight and hands back what a small demand leaves', () => {
    const out = [0, 0, 0]
    fairShare(300, [1000, 1000, 50], [1, 1, 1], 3, out)
    expect(out[2]).toBe(50)
    expect(out[0]).toBeCloseTo(125)
    expect(out[1]).toBeCloseTo(125)
    const weighted = [0, 0]
    fairShare(300, [1000, 1000], [2, 1], 2, weighted)
    expect(weighted[0]).toBeCloseTo(200)
  })
  it('never allocates more than capacity or than a demand (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true })), { maxLength: 30 }),
      fc.double({ min: 0, max: 3200, noNaN: true }),
      (items, capacity) => {
        const out = items.map(() => 0)
        const total = fairShare(capacity, items.map((x) => x[0]), items.map((x) => x[1]), items.length, out)
        expect(total).toBeLessThanOrEqual(capacity + 1e-6 + (items.reduce((s, x) => s + x[0], 0) <= capacity ? Infinity : 0))
        out.forEach((v, i) => { expect(v).toBeGreaterThanOrEqual(-1e-9); expect(v).toBeLessThanOrEqual(items[i]![0] + 1e-6) })
      }))
  })
})
