// Text helpers: labels are Pixi Text, changed only when their string changes; counters are BitmapText.
// Text is drawn white and coloured with `tint`: a colour change (a state, a blast mark, the projector palette) then
// neither re-rasterises the text nor makes a new style, so Pixi's text-measure cache and its bitmap fonts hold one
// entry per string and size instead of one per string, size and colour (the soak saw that cache churn).
import { BitmapText, DOMAdapter, Text, fontStringFromTextStyle, type ICanvasRenderingContext2D, type TextStyleFontWeight } from 'pixi.js'
import { fittingPrefix } from './fit'
import type { Palette } from './palette'

export interface LabelOptions { size: number; color: number; weight?: TextStyleFontWeight }

export function makeLabel(palette: Palette, options: LabelOptions): Text {
  const text = new Text({
    text: '',
    style: { fontFamily: palette.fontFamily, fontSize: options.size, fill: 0xffffff, fontWeight: options.weight ?? 'normal' }
  })
  text.tint = options.color
  text.eventMode = 'none'
  return text
}

export function makeCounter(palette: Palette, options: LabelOptions): BitmapText {
  const text = new BitmapText({
    text: '',
    style: { fontFamily: palette.fontFamily, fontSize: options.size, fill: 0xffffff, fontWeight: options.weight ?? 'normal' }
  })
  text.tint = options.color
  text.eventMode = 'none'
  return text
}

// Character advances per canvas font string, measured once each. Trimming a label used to probe prefixes through
// Pixi (text.width per probe); each probe put a new string in Pixi's text-measure cache and Chrome's shaping cache.
const advances = new Map<string, Map<string, number>>()
let measureContext: ICanvasRenderingContext2D | null = null

function advanceTable(font: string): (ch: string) => number {
  let table = advances.get(font)
  if (!table) {
    table = new Map()
    advances.set(font, table)
  }
  const known = table
  return (ch) => {
    let w = known.get(ch)
    if (w === undefined) {
      measureContext ??= DOMAdapter.get().createCanvas(1, 1).getContext('2d')
      if (!measureContext) return 0 // no 2D canvas: every prefix looks short, and fitText's check trims it down
      measureContext.font = font
      w = measureContext.measureText(ch).width
      known.set(ch, w)
    }
    return w
  }
}

/** Sets `full`, trimmed with an ellipsis to fit `maxWidth`; does nothing when neither changed. (Labels only: the
 * counters, BitmapText, always show their whole figure.) */
export function fitText(text: Text, full: string, maxWidth: number): void {
  const key = `${full}\u0000${Math.round(maxWidth)}`
  const cache = text as Text & { fitKey?: string }
  if (cache.fitKey === key) return
  cache.fitKey = key
  text.text = full
  if (maxWidth <= 0) {
    text.visible = false
    return
  }
  text.visible = true
  if (text.width <= maxWidth) return
  const show = (n: number): void => { text.text = n > 0 ? full.slice(0, n).trimEnd() + '…' : '' }
  // one estimate from the advances, then a check of the real width (kerning can make it a little wider)
  const scale = Math.abs(text.scale.x) || 1
  let n = fittingPrefix(full, maxWidth / scale, advanceTable(fontStringFromTextStyle(text.style)), '…')
  show(n)
  while (n > 0 && text.width > maxWidth) {
    const chars = Array.from(full.slice(0, n))
    chars.pop()
    n = chars.join('').trimEnd().length
    show(n)
  }
}

/** Changes a label's style only when it differs (a style change re-rasterises the text). */
export function restyle(text: Text | BitmapText, palette: Palette, options: LabelOptions): void {
  const style = text.style
  const weight = options.weight ?? 'normal'
  if (text.tint !== options.color) text.tint = options.color
  if (style.fontSize !== options.size || style.fontWeight !== weight || style.fontFamily !== palette.fontFamily) {
    style.fontSize = options.size
    style.fontWeight = weight
    style.fontFamily = palette.fontFamily
    ;(text as (Text | BitmapText) & { fitKey?: string }).fitKey = undefined
  }
}
