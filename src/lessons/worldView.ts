// The few facts an objective may need that the report (`stacklab.report/1`) does not carry: the images each
// daemon holds, where the docker CLI runs, and a container's environment. Read-only views over `world.state`,
// documented in docs/lessons.md ("What objectives can read"). Everything else comes from `world.report()`.
import type { World } from '../sim/index.ts'

export interface ImageView {
  /** the daemon that holds it: a host name (`container-host`) or the VM a daemon runs in (`legacy`, `docker-desktop`) */
  daemon: string
  /** repo:tag names, e.g. `recommender:1.0`; an untagged image has none */
  tags: string[]
  id: string
  /** the sum of its layers, MiB rounded to 0.1 */
  sizeMb: number
  layers: number
  os: string
}

export interface ClientView {
  /** where the docker CLI runs: `host`, `laptop-macos`, `laptop-windows` or `docker-desktop` */
  location: string
  /** `export DOCKER_HOST=…`, or null */
  dockerHost: string | null
  /** the current `docker context` (`default` unless `docker context use` chose another) */
  context: string
}

/** The read-only view objectives evaluate against besides the report. Build one with `worldView(world)`. */
export interface WorldView {
  images(): ImageView[]
  client(): ClientView
  /** KEY=VALUE entries of a container's environment (image ENV plus `-e`), or null when there is no such container */
  containerEnv(daemon: string, name: string): string[] | null
}

const round1 = (n: number): number => Math.round(n * 10) / 10

export function worldView(world: World): WorldView {
  return {
    images: () => world.state.daemons.flatMap((d) => d.images.map((img) => ({
      daemon: d.id,
      tags: [...img.repoTags],
      id: img.id,
      sizeMb: round1(img.layers.reduce((sum, l) => sum + l.sizeMb, 0)),
      layers: img.layers.length,
      os: img.os
    }))),
    client: () => {
      const c = world.state.client
      return { location: c.location, dockerHost: c.dockerHost, context: c.dockerHost ? 'default' : c.currentContext }
    },
    containerEnv: (daemon, name) => {
      const d = world.state.daemons.find((x) => x.id === daemon)
      const c = d?.containers.find((x) => x.name === name)
      return c ? [...c.config.env] : null
    }
  }
}

/** A view with nothing in it, for evaluating against a report alone. */
export const EMPTY_WORLD_VIEW: WorldView = {
  images: () => [],
  client: () => ({ location: 'host', dockerHost: null, context: 'default' }),
  containerEnv: () => null
}
