// The stage's front door. The stage itself (PixiScene: the VM stack and the container stack side by side, with the
// legend under them) and Pixi with it load on first use, from a chunk of their own: the page's first script carries
// none of Pixi's renderers, scene classes or shaders, and the panels come up while the stage's chunk arrives.
// Only types come from PixiScene here; a value import would put the whole stage back in the first script.
import type { PixiScene } from './PixiScene'
import type { Translate } from './types'

export type RendererPreference = 'webgl' | 'canvas' | 'webgpu'

export interface SceneOptions {
  preference: RendererPreference
  projector: boolean
  reducedMotion: boolean
  /** the app's t(): every word on the stage is a key of the `stage` table (the scene may not import i18n) */
  translate: Translate
}

/** The stage, once created (see PixiScene). */
export type StackScene = PixiScene

/** The stage's chunk, fetched once (same-origin, so the CSP's script-src 'self' allows it). */
let stageModule: Promise<typeof import('./PixiScene')> | null = null
/** …and once it has arrived: create() then starts the renderer at once, without waiting a turn for the promise */
let loadedStage: typeof import('./PixiScene') | null = null
function loadStage(): Promise<typeof import('./PixiScene')> {
  stageModule ??= import('./PixiScene').then((module) => (loadedStage = module))
  // a failed fetch may be retried by the next create()
  stageModule.catch(() => { stageModule = null })
  return stageModule
}

export const StackScene = {
  /**
   * Starts fetching the stage's chunk without waiting for it: main() calls it first, so the chunk arrives while
   * the panels render instead of after. A failure here is reported by create().
   */
  preload(): void {
    loadStage().catch(() => {})
  },
  /** Loads the stage's chunk (rejects if it cannot be fetched), then creates the renderer and the stage in `host`. */
  async create(host: HTMLElement, options: SceneOptions): Promise<StackScene> {
    const { PixiScene } = loadedStage ?? (await loadStage())
    return PixiScene.create(host, options)
  }
}
