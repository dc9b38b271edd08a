// Text helpers: labels are Pixi Text, changed only when their string changes; counters are BitmapText.
// Text is drawn white and coloured with `tint`: a colour change (a state, a blast mark, the projector palette) then
// neither re-rasterises the text nor makes a new style, so Pixi's text-measure cache and its bitmap fonts hold one
// entry per string and size instead of one per string, size and colour (the soak saw that cache churn).
import { BitmapText, Text, type TextStyleFontWeight } from 'pixi.js'
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

/** Sets `full`, trimmed with an ellipsis to fit `maxWidth`; does nothing when neither changed. */
export function fitText(text: Text | BitmapText, full: string, maxWidth: number): void {
  const key = `${full}\u0000${Math.round(maxWidth)}`
  const cache = text as (Text | BitmapText) & { fitKey?: string }
  if (cache.fitKey === key) return
  cache.fitKey = key
  text.text = full
  if (maxWidth <= 0) {
    text.visible = false
    return
  }
  text.visible = true
  if (text.width <= maxWidth) return
  let lo = 0
  let hi = full.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    text.text = full.slice(0, mid).trimEnd() + '…'
    if (text.width <= maxWidth) lo = mid
    else hi = mid - 1
  }
  text.text = lo > 0 ? full.slice(0, lo).trimEnd() + '…' : ''
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
