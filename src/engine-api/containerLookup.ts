// Finding the container a path names: full id, unique id prefix, or name (with or without "/").
import type { ContainerState } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import type { RouteContext } from './context.ts'
import { errorResponse } from './responses.ts'
import type { ApiResponse } from './types.ts'

export type Found = { ok: true; c: ContainerState } | { ok: false; response: ApiResponse }

export function findContainer(ctx: RouteContext, ref = ctx.params.id ?? ''): Found {
  const c = ref === '' ? undefined : engine.resolveContainer(ctx.daemon, ref)
  return c ? { ok: true, c } : { ok: false, response: errorResponse(404, `No such container: ${ref}`) }
}
