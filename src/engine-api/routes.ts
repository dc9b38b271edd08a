// Every route the simulated daemon answers, in match order.
import { buildRoutes } from './buildRoute.ts'
import { containerRoutes } from './containersRoutes.ts'
import { containerStreamRoutes } from './containerStreams.ts'
import { eventRoutes } from './eventsRoute.ts'
import { execRoutes } from './execRoutes.ts'
import { imageRoutes } from './imagesRoutes.ts'
import { networkRoutes } from './networksRoutes.ts'
import { pullRoutes } from './pullRoute.ts'
import type { Route } from './router.ts'
import { statsRoutes } from './statsRoute.ts'
import { systemRoutes } from './systemRoutes.ts'
import { volumeRoutes } from './volumesRoutes.ts'

export const ROUTES: readonly Route[] = [
  ...systemRoutes, ...eventRoutes, ...containerRoutes, ...containerStreamRoutes, ...statsRoutes, ...execRoutes,
  ...pullRoutes, ...imageRoutes, ...buildRoutes, ...networkRoutes, ...volumeRoutes
]
