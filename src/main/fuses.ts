// Electron fuses to flip on the packaged binary (after packaging, before code signing), as the security
// reference recommends. Kept as plain data so a unit test can check it without @electron/fuses; the
// packaging step passes flipFusesConfig() to flipFuses(electronPath, config).

/** Fuse name → its index in the V1 fuse wire (@electron/fuses FuseV1Options). */
export const FUSE_INDEX = {
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  LoadBrowserProcessSpecificV8Snapshot: 6,
  GrantFileProtocolExtraPrivileges: 7,
  WasmTrapHandlers: 8
} as const

export type FuseName = keyof typeof FUSE_INDEX

export const FUSES = {
  version: '1',
  // fail the packaging step when a newer Electron adds a fuse nobody has decided about
  strictlyRequireAllFuses: true,
  fuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose node binary
    RunAsNode: false,
    EnableCookieEncryption: true,
    // NODE_OPTIONS and --inspect would let anyone inject code into the main process
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    // these two go together: load only app.asar, and only if its hash matches the signed header
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    // Electron's default; we ship no custom snapshot
    LoadBrowserProcessSpecificV8Snapshot: false,
    // pages come from app://, so file:// needs none of its legacy privileges
    GrantFileProtocolExtraPrivileges: false,
    // Electron's default; turning it off costs WebAssembly speed and buys nothing here
    WasmTrapHandlers: true
  } satisfies Record<FuseName, boolean>
} as const

/** The same decisions keyed by wire index, the shape @electron/fuses' flipFuses() takes. */
export function flipFusesConfig(): { version: '1'; strictlyRequireAllFuses: true } & Record<number, boolean> {
  const config: { version: '1'; strictlyRequireAllFuses: true } & Record<number, boolean> = {
    version: FUSES.version,
    strictlyRequireAllFuses: FUSES.strictlyRequireAllFuses
  }
  for (const [name, enabled] of Object.entries(FUSES.fuses)) config[FUSE_INDEX[name as FuseName]] = enabled
  return config
}
