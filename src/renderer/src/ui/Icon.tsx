// Small inline icons (no icon font, nothing fetched); always beside a text label or an aria-label.
const PATHS = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  step: 'M2.5 2.5v11l8-5.5zM11 2.5h2.5v11H11z',
  reset: 'M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.9.6A3.5 3.5 0 1 0 8 4.5V7L4.5 3.5 8 0z',
  flag: 'M3 1.5h1.8v13H3zM5.5 2h7.5l-2 3 2 3H5.5z',
  rewind: 'M8 3v10L1.5 8zM14.5 3v10L8 8z'
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon-svg" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  )
}
