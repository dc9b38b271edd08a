import type { Platform } from './Platform'
import { createElectronPlatform } from './electronPlatform'
import { createWebPlatform } from './webPlatform'

/** window.stacklab exists only inside the desktop app's sandboxed page. */
export function createPlatform(): Platform {
  return window.stacklab ? createElectronPlatform(window.stacklab) : createWebPlatform()
}

export type { Platform, OpenedFile, SaveOutcome, EngineBridgePort } from './Platform'
