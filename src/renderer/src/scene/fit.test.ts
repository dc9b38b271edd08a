import { describe, expect, it } from 'vitest'
import { fittingPrefix } from './fit'

// advances of a made-up font: every character 10 wide, the ellipsis 6, a space 4
const width = (ch: string): number => (ch === '…' ? 6 : ch === ' ' ? 4 : 10 * Array.from(ch).length)

describe('fittingPrefix', () => {
  it('keeps as many characters as fit beside the ellipsis', () => {
    // 6 for the ellipsis leaves 30: three characters
    expect(fittingPrefix('abcdefgh', 36, width, '…')).toBe(3)
    expect(fittingPrefix('abcdefgh', 35.9, width, '…')).toBe(2)
  })

  it('never ends the kept part on a space', () => {
    // "ab c": a, b, space fit in 34 - 6 = 28 (24), c does not: the space is dropped
    expect(fittingPrefix('ab cdef', 34, width, '…')).toBe(2)
  })

  it('gives 0 when not even one character fits', () => {
    expect(fittingPrefix('abc', 12, width, '…')).toBe(0)
  })

  it('counts in UTF-16 units for slice, never splitting a surrogate pair', () => {
    expect(fittingPrefix('😀😀😀', 26, width, '…')).toBe(4)
    expect(fittingPrefix('😀😀😀', 25.9, width, '…')).toBe(2)
  })
})
