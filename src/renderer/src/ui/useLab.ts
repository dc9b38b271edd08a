// React access to the isolation lab: its actions through context, its snapshot through a selector.
import { createContext, useContext } from 'react'
import type { LabController, LabSnapshot } from './labTypes'
import { shallowEqual, useStoreSelector } from './useController'

export const LabContext = createContext<LabController | null>(null)

export function useLab(): LabController {
  const lab = useContext(LabContext)
  if (!lab) throw new Error('useLab outside LabContext')
  return lab
}

export function useLabSnapshot<T>(select: (snapshot: LabSnapshot) => T, isEqual: (a: T, b: T) => boolean = shallowEqual): T {
  return useStoreSelector(useLab().store, select, isEqual)
}
