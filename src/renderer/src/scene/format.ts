// Number formats for the stage; each called only when the value it formats has changed.
export function formatMb(mb: number): string {
  if (mb >= 1024 * 1024) return `${trim(mb / (1024 * 1024))} TiB`
  if (mb >= 1024) return `${trim(mb / 1024)} GiB`
  return `${trim(mb)} MiB`
}

function trim(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1).replace(/\.0$/, '') : value.toFixed(2).replace(/\.?0+$/, '')
}

export function formatPercent(value: number): string {
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)}%`
}

const OS_NAMES: Readonly<Record<string, string>> = { linux: 'Linux', windows: 'Windows', macos: 'macOS' }

/** "Linux" for the host's OS family "linux": a proper name, the same in every language. */
export function osName(family: string): string {
  return OS_NAMES[family] ?? family
}
