// Keyboard for an ARIA tab list: ←/→ move to the previous/next tab (wrapping), Home/End to the first/last,
// and focus follows the selection (WAI-ARIA tabs pattern).
import { useRef, type KeyboardEvent } from 'react'

export function useTabKeys<T extends string>(ids: readonly T[], active: T, setActive: (id: T) => void) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const onKey = (event: KeyboardEvent<HTMLElement>) => {
    const index = ids.indexOf(active)
    let next: number
    if (event.key === 'ArrowRight') next = (index + 1) % ids.length
    else if (event.key === 'ArrowLeft') next = (index + ids.length - 1) % ids.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = ids.length - 1
    else return
    event.preventDefault()
    event.stopPropagation()
    setActive(ids[next]!)
    buttons.current[next]?.focus()
  }
  const buttonRef = (i: number) => (el: HTMLButtonElement | null) => { buttons.current[i] = el }
  return { onKey, buttonRef }
}
