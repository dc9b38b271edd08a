// How much of a label fits beside an ellipsis, from per-character advances: pure, so it is tested without a canvas.

/**
 * The length, in UTF-16 units (for `slice`), of the longest prefix of `full` that ends on a non-space and fits
 * `maxWidth` with `ellipsis` after it, summing per-character advances `width(ch)`. 0 when not one character fits.
 */
export function fittingPrefix(full: string, maxWidth: number, width: (ch: string) => number, ellipsis: string): number {
  const chars = Array.from(full)
  let room = maxWidth - width(ellipsis)
  let fits = 0
  let units = 0
  for (const ch of chars) {
    room -= width(ch)
    if (room < 0) break
    units += ch.length
    if (ch.trim()) fits = units
  }
  return fits
}
