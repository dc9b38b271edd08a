// The state icon beside every instance's name, so state never depends on colour: ▶ starting, ● running,
// ❚❚ paused, ■ stopped or exited, ✕ crashed, ○ stopping or restarting.
import { Graphics } from 'pixi.js'

export type VisualState = 'off' | 'starting' | 'running' | 'paused' | 'transition' | 'crashed'

export class StateIcon extends Graphics {
  private drawn: VisualState | null = null
  private drawnSize = 0
  private drawnColor = -1

  show(state: VisualState, size: number, color: number, crashColor: number): void {
    const c = state === 'crashed' ? crashColor : color
    if (state === this.drawn && size === this.drawnSize && c === this.drawnColor) return
    this.drawn = state
    this.drawnSize = size
    this.drawnColor = c
    this.clear()
    const s = size
    switch (state) {
      case 'starting':
        this.poly([s * 0.15, s * 0.08, s * 0.92, s * 0.5, s * 0.15, s * 0.92]).fill(c)
        break
      case 'running':
        this.circle(s / 2, s / 2, s * 0.42).fill(c)
        break
      case 'paused':
        this.rect(s * 0.12, s * 0.1, s * 0.28, s * 0.8).fill(c)
        this.rect(s * 0.6, s * 0.1, s * 0.28, s * 0.8).fill(c)
        break
      case 'off':
        this.rect(s * 0.14, s * 0.14, s * 0.72, s * 0.72).fill(c)
        break
      case 'transition':
        this.circle(s / 2, s / 2, s * 0.36).stroke({ width: Math.max(1.5, s * 0.16), color: c })
        break
      case 'crashed': {
        const w = Math.max(2, s * 0.2)
        this.moveTo(s * 0.12, s * 0.12).lineTo(s * 0.88, s * 0.88).moveTo(s * 0.88, s * 0.12).lineTo(s * 0.12, s * 0.88)
          .stroke({ width: w, color: c, cap: 'round' })
        break
      }
    }
  }
}
