// How dockerd shows an image: the `docker images` summary and the `docker image inspect` document.
import type { DaemonState, ImageState } from '../sim/index.ts'
import { engine } from '../sim/index.ts'
import { DEFAULT_PATH } from './containerViews.ts'
import { ZERO_TIME, type TimeFormat } from './time.ts'

const MB = 1_000_000

export const imageBytes = (image: ImageState): number => Math.round(engine.imageSizeMb(image) * MB)

export function imageSummary(time: TimeFormat, image: ImageState): Record<string, unknown> {
  return {
    Containers: -1, Created: time.imageCreatedSeconds(image.createdIso), Id: image.id, Labels: {}, ParentId: '',
    RepoDigests: [...image.repoDigests], RepoTags: [...image.repoTags], SharedSize: -1, Size: imageBytes(image)
  }
}

export function imageEnv(image: ImageState): string[] {
  return image.env.some((e) => e.startsWith('PATH=')) ? [...image.env] : [DEFAULT_PATH, ...image.env]
}

export function imageInspect(time: TimeFormat, image: ImageState): Record<string, unknown> {
  const config: Record<string, unknown> = {
    Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false
  }
  if (image.exposedPorts.length) config.ExposedPorts = Object.fromEntries(image.exposedPorts.map((p) => [`${p}/tcp`, {}]))
  Object.assign(config, { Tty: false, OpenStdin: false, StdinOnce: false, Env: imageEnv(image), Cmd: [...image.cmd] })
  if (image.healthcheck) {
    config.Healthcheck = { Test: [...image.healthcheck.test], Interval: Math.round(image.healthcheck.intervalMs * 1e6), Retries: image.healthcheck.retries }
  }
  Object.assign(config, {
    Image: '', Volumes: null, WorkingDir: '', Entrypoint: image.entrypoint ? [...image.entrypoint] : null, OnBuild: null, Labels: null
  })
  const top = image.id.slice(7)
  return {
    Id: image.id, RepoTags: [...image.repoTags], RepoDigests: [...image.repoDigests], Parent: '', Comment: '',
    Created: time.imageCreatedText(image.createdIso), DockerVersion: '', Author: '', Config: config, Architecture: 'amd64', Os: image.os,
    Size: imageBytes(image),
    GraphDriver: {
      Data: { MergedDir: `/var/lib/docker/overlay2/${top}/merged`, UpperDir: `/var/lib/docker/overlay2/${top}/diff`, WorkDir: `/var/lib/docker/overlay2/${top}/work` },
      Name: 'overlay2'
    },
    RootFS: { Type: 'layers', Layers: image.layers.map((l) => `sha256:${l.id}`) },
    Metadata: { LastTagTime: ZERO_TIME }
  }
}

/** `docker history`: newest layer first; only the top one carries the image id and tags. */
export function imageHistory(time: TimeFormat, image: ImageState): Record<string, unknown>[] {
  const created = time.imageCreatedSeconds(image.createdIso)
  return [...image.layers].reverse().map((l, i) => ({
    Id: i === 0 ? image.id : '<missing>', Created: created, CreatedBy: l.createdBy, Tags: i === 0 && image.repoTags.length ? [...image.repoTags] : null,
    Size: Math.round(l.sizeMb * MB), Comment: ''
  }))
}

/** Containers of this daemon that use the image (what `system df` counts). */
export const usersOf = (daemon: DaemonState, image: ImageState): number => daemon.containers.filter((c) => c.imageId === image.id).length
