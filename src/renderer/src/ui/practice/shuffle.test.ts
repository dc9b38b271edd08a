import { describe, expect, it } from 'vitest'
import { seedOf, seededOrder } from './shuffle'

describe('seededOrder', () => {
  it('is a permutation, the same for the same seed, and never already solved', () => {
    for (let n = 2; n <= 12; n++) {
      for (let s = 0; s < 50; s++) {
        const order = seededOrder(n, seedOf(`puzzle-${n}#${s}`))
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i))
        expect(order.every((v, i) => v === i)).toBe(false)
        expect(seededOrder(n, seedOf(`puzzle-${n}#${s}`))).toEqual(order)
      }
    }
  })

  it('differs between attempts', () => {
    const a = seededOrder(6, seedOf('stack-layers#vm-stack'))
    const b = seededOrder(6, seedOf('stack-layers#vm-stack#1'))
    expect(a).not.toEqual(b)
  })
})
