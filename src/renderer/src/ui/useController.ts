// React access to the controller: the actions through context, the snapshot through selectors, so a panel
// renders only when the part it reads changes.
import { createContext, useContext, useRef, useSyncExternalStore } from 'react'
import type { ReadableStore, UiController, UiSnapshot } from './types'

export const ControllerContext = createContext<UiController | null>(null)

export function useController(): UiController {
  const controller = useContext(ControllerContext)
  if (!controller) throw new Error('useController outside ControllerContext')
  return controller
}

export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (const k of ka) if (!Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  return true
}

/** Reads a slice of a store; re-renders only when the slice changes by `isEqual`. */
export function useStoreSelector<S, T>(store: ReadableStore<S>, select: (snapshot: S) => T, isEqual: (a: T, b: T) => boolean = shallowEqual): T {
  const cache = useRef<{ snapshot: S; value: T } | null>(null)
  const getSelection = (): T => {
    const snapshot = store.getSnapshot()
    const cached = cache.current
    if (cached && cached.snapshot === snapshot) return cached.value
    const value = select(snapshot)
    if (cached && isEqual(cached.value, value)) {
      cache.current = { snapshot, value: cached.value }
      return cached.value
    }
    cache.current = { snapshot, value }
    return value
  }
  return useSyncExternalStore(store.subscribe, getSelection, getSelection)
}

export function useSnapshot<T>(select: (snapshot: UiSnapshot) => T, isEqual?: (a: T, b: T) => boolean): T {
  return useStoreSelector(useController().store, select, isEqual)
}

export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
}
