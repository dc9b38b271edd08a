// The stage's colours. Two profiles, as PhET does: the default (dark) and projector mode (light,
// high-contrast, Okabe–Ito colour-blind-safe hues, bigger type and thicker strokes). State is never shown by
// colour alone: every state also has an icon and a word.
export interface Palette {
  readonly name: 'default' | 'projector'
  readonly background: number
  readonly panel: number
  readonly panelStroke: number
  readonly text: number
  readonly textMuted: number
  readonly hardware: number
  readonly vmHardware: number
  readonly kernel: number
  readonly hypervisor: number
  readonly docker: number
  readonly guestOs: number
  readonly app: number
  readonly libs: number
  readonly shim: number
  readonly crashed: number
  readonly focus: number
  readonly selected: number
  readonly meterTrack: number
  readonly meterRam: number
  readonly meterDisk: number
  readonly coreIdle: number
  readonly coreBusy: number
  readonly progress: number
  /** the text colour to use on top of a fill */
  readonly onFill: Readonly<Record<FillName, number>>
  readonly strokeWidth: number
  readonly fontScale: number
  readonly fontFamily: string
}

export type FillName = 'hardware' | 'vmHardware' | 'kernel' | 'hypervisor' | 'docker' | 'guestOs' | 'app' | 'libs' | 'shim' | 'crashed'

const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

export const DEFAULT_PALETTE: Palette = {
  name: 'default',
  background: 0x0b1220,
  panel: 0x141d2f,
  panelStroke: 0x33445f,
  text: 0xe5e9f0,
  textMuted: 0xa3adbd,
  hardware: 0x475569,
  vmHardware: 0x64748b,
  kernel: 0x2563eb,
  hypervisor: 0x7c3aed,
  docker: 0x0e7490,
  guestOs: 0x15803d,
  app: 0xc2410c,
  libs: 0x9a3412,
  shim: 0x155e75,
  crashed: 0xdc2626,
  focus: 0xfacc15,
  selected: 0xf8fafc,
  meterTrack: 0x1e293b,
  meterRam: 0x38bdf8,
  meterDisk: 0xc084fc,
  coreIdle: 0x334155,
  coreBusy: 0xfbbf24,
  progress: 0xfbbf24,
  onFill: {
    hardware: 0xffffff, vmHardware: 0xffffff, kernel: 0xffffff, hypervisor: 0xffffff, docker: 0xffffff,
    guestOs: 0xffffff, app: 0xffffff, libs: 0xffffff, shim: 0xffffff, crashed: 0xffffff
  },
  strokeWidth: 1.5,
  fontScale: 1,
  fontFamily: FONT
}

/** Okabe & Ito (2008) colours on white, black text where white would be too faint. */
export const PROJECTOR_PALETTE: Palette = {
  name: 'projector',
  background: 0xffffff,
  panel: 0xf1f1f1,
  panelStroke: 0x000000,
  text: 0x000000,
  textMuted: 0x262626,
  hardware: 0x333333,
  vmHardware: 0x5c5c5c,
  kernel: 0x0072b2,
  hypervisor: 0xcc79a7,
  docker: 0x56b4e9,
  guestOs: 0x009e73,
  app: 0xe69f00,
  libs: 0xf0e442,
  shim: 0x9ad0f0,
  crashed: 0xd55e00,
  focus: 0x000000,
  selected: 0x000000,
  meterTrack: 0xd4d4d4,
  meterRam: 0x0072b2,
  meterDisk: 0xcc79a7,
  coreIdle: 0xbdbdbd,
  coreBusy: 0xd55e00,
  progress: 0x000000,
  onFill: {
    hardware: 0xffffff, vmHardware: 0xffffff, kernel: 0xffffff, hypervisor: 0x000000, docker: 0x000000,
    guestOs: 0x000000, app: 0x000000, libs: 0x000000, shim: 0x000000, crashed: 0x000000
  },
  strokeWidth: 3,
  fontScale: 1.25,
  fontFamily: FONT
}

export function paletteFor(projector: boolean): Palette {
  return projector ? PROJECTOR_PALETTE : DEFAULT_PALETTE
}

/** 0xrrggbb → '#rrggbb', for the DOM legend and the tests. */
export function cssColor(value: number): string {
  return '#' + value.toString(16).padStart(6, '0')
}
