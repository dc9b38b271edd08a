// React access to the request list: the actions through context, the snapshot through selectors (like useController).
import { createContext, useContext } from 'react'
import type { RequestsController, RequestsSnapshot } from './requestTypes'
import { useStoreSelector } from './useController'

export const RequestsContext = createContext<RequestsController | null>(null)

export function useRequests(): RequestsController {
  const requests = useContext(RequestsContext)
  if (!requests) throw new Error('useRequests outside RequestsContext')
  return requests
}

export function useRequestsSnapshot<T>(select: (snapshot: RequestsSnapshot) => T, isEqual?: (a: T, b: T) => boolean): T {
  return useStoreSelector(useRequests().store, select, isEqual)
}
