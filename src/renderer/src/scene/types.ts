// What the scene tells the rest of the renderer. Structurally the same as ui's StageLayer / LayerHover, which
// app passes between the two (the scene may not import ui).
export type SceneLayerKind =
  | 'hardware' | 'cores' | 'ram' | 'disk' | 'host-os' | 'shared-kernel' | 'hypervisor' | 'docker'
  | 'vm' | 'vm-hardware' | 'guest-kernel' | 'guest-os' | 'vm-apps'
  | 'container' | 'container-app' | 'container-libs' | 'shim'

export interface SceneRect { x: number; y: number; width: number; height: number }

export interface SceneHover {
  readonly id: string
  readonly kind: SceneLayerKind
  readonly subject: string
  readonly detail: string
  readonly rect: SceneRect
}

export interface SceneLayer {
  readonly id: string
  readonly kind: SceneLayerKind
  readonly label: string
  readonly instanceKey: string | null
  readonly children: readonly SceneLayer[]
}

export interface SceneColumn {
  readonly id: string
  readonly title: string
  readonly layers: readonly SceneLayer[]
}

/**
 * Turns a key of the `stage` string table (and its params) into text in the current language. The scene may not
 * import i18n: the app hands it i18next's `t` (StackScene.create's `translate`, then `setTranslate` on a change).
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string
