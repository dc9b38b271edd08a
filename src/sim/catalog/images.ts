import { fig, type Figure } from './sources.ts'

export interface LayerSpec {
  /** what made the layer, as `docker history` would show it */
  readonly createdBy: string
  readonly sizeMb: Figure
}

/** What the image's main process does once started. */
export interface ServiceSpec {
  readonly memoryMb: Figure
  readonly cpuPercent: Figure
  readonly pids: number
}

export interface ImageSpec {
  readonly repo: string // e.g. "nginx", "mcr.microsoft.com/windows/servercore"
  readonly tags: readonly string[]
  readonly os: 'linux' | 'windows'
  readonly layers: readonly LayerSpec[]
  readonly compressedMb: Figure
  readonly cmd: readonly string[]
  readonly entrypoint: readonly string[] | null
  readonly exposedPorts: readonly number[]
  readonly env: readonly string[]
  /** the image's build date (fixed, so `docker images` CREATED is stable) */
  readonly createdIso: string
}

const L = (createdBy: string, sizeMb: Figure): LayerSpec => ({ createdBy, sizeMb })
const debianBase = L('/bin/sh -c #(nop) ADD file:debian-bookworm-rootfs in /', fig(74.8, 'model'))

/** The offline registry. Sizes: calibration §6 and §9 `disk_mb` (current sizes are model values). */
export const REGISTRY: readonly ImageSpec[] = [
  {
    repo: 'hello-world', tags: ['latest'], os: 'linux', layers: [L('COPY hello / # buildkit', fig(0.013, 'image-sizes'))],
    compressedMb: fig(0.004, 'model'), cmd: ['/hello'], entrypoint: null, exposedPorts: [], env: [],
    createdIso: '2023-05-02T16:49:27Z'
  },
  {
    repo: 'alpine', tags: ['3.20', 'latest'], os: 'linux',
    layers: [L('/bin/sh -c #(nop) ADD file:alpine-minirootfs in /', fig(7.8, 'model'))],
    compressedMb: fig(3.6, 'model'), cmd: ['/bin/sh'], entrypoint: null, exposedPorts: [], env: [],
    createdIso: '2024-09-06T12:05:36Z'
  },
  {
    repo: 'busybox', tags: ['1.36', 'latest'], os: 'linux',
    layers: [L('/bin/sh -c #(nop) ADD file:busybox-rootfs in /', fig(4.3, 'model'))],
    compressedMb: fig(2.1, 'model'), cmd: ['sh'], entrypoint: null, exposedPorts: [], env: [],
    createdIso: '2024-09-26T21:31:42Z'
  },
  {
    repo: 'ubuntu', tags: ['24.04', 'latest'], os: 'linux',
    layers: [L('/bin/sh -c #(nop) ADD file:ubuntu-noble-rootfs in /', fig(78, 'model'))],
    compressedMb: fig(29, 'model'), cmd: ['/bin/bash'], entrypoint: null, exposedPorts: [], env: [],
    createdIso: '2024-10-11T03:49:14Z'
  },
  {
    repo: 'centos', tags: ['7'], os: 'linux',
    layers: [L('/bin/sh -c #(nop) ADD file:centos-7-rootfs in /', fig(202, 'image-sizes'))],
    compressedMb: fig(72, 'model'), cmd: ['/bin/bash'], entrypoint: null, exposedPorts: [], env: [],
    createdIso: '2021-09-15T18:20:05Z'
  },
  {
    repo: 'nginx', tags: ['1.27', 'latest'], os: 'linux',
    layers: [
      debianBase,
      L('RUN /bin/sh -c set -x && apt-get install nginx', fig(113.5, 'model')),
      L('COPY docker-entrypoint.sh / # buildkit', fig(0.002, 'model')),
      L('COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d', fig(0.002, 'model')),
      L('COPY 20-envsubst-on-templates.sh /docker-entrypoint.d', fig(0.003, 'model')),
      L('COPY 30-tune-worker-processes.sh /docker-entrypoint.d', fig(0.005, 'model')),
      L('RUN /bin/sh -c mkdir -p /var/cache/nginx', fig(1.7, 'model'))
    ],
    compressedMb: fig(70, 'model'), cmd: ['nginx', '-g', 'daemon off;'], entrypoint: ['/docker-entrypoint.sh'],
    exposedPorts: [80], env: ['NGINX_VERSION=1.27.2'], createdIso: '2024-10-02T17:55:35Z'
  },
  {
    repo: 'redis', tags: ['7', 'latest'], os: 'linux',
    layers: [debianBase, L('RUN /bin/sh -c set -eux; install redis', fig(42, 'model'))],
    compressedMb: fig(45, 'model'), cmd: ['redis-server'], entrypoint: ['docker-entrypoint.sh'], exposedPorts: [6379],
    env: ['REDIS_VERSION=7.4.1'], createdIso: '2024-10-03T09:12:00Z'
  },
  {
    repo: 'postgres', tags: ['16', 'latest'], os: 'linux',
    layers: [debianBase, L('RUN /bin/sh -c set -eux; apt-get install postgresql-16', fig(355, 'model'))],
    compressedMb: fig(150, 'model'), cmd: ['postgres'], entrypoint: ['docker-entrypoint.sh'], exposedPorts: [5432],
    env: ['PG_MAJOR=16', 'PGDATA=/var/lib/postgresql/data'], createdIso: '2024-10-01T11:00:00Z'
  },
  {
    repo: 'python', tags: ['3.12-slim'], os: 'linux',
    layers: [debianBase, L('RUN /bin/sh -c set -eux; install python 3.12', fig(55.2, 'model'))],
    compressedMb: fig(45, 'model'), cmd: ['python3'], entrypoint: null, exposedPorts: [],
    env: ['PYTHON_VERSION=3.12.7'], createdIso: '2024-10-01T20:00:00Z'
  },
  {
    repo: 'mcr.microsoft.com/windows/servercore', tags: ['ltsc2022'], os: 'windows',
    layers: [L('Apply image 10.0.20348', fig(4100, 'model'))],
    compressedMb: fig(1900, 'model'), cmd: ['c:\\windows\\system32\\cmd.exe'], entrypoint: null, exposedPorts: [],
    env: [], createdIso: '2024-10-08T00:00:00Z'
  }
]

/** What each known program does when it is a container's main process. */
export const SERVICES: Readonly<Record<string, ServiceSpec>> = {
  // opscart: an idle nginx container ≈ 3.25 MB in docker stats
  nginx: { memoryMb: fig(3.25, 'opscart-docker'), cpuPercent: fig(0.05, 'model'), pids: 3 },
  'redis-server': { memoryMb: fig(8, 'model'), cpuPercent: fig(0.2, 'model'), pids: 5 },
  postgres: { memoryMb: fig(30, 'model'), cpuPercent: fig(0.1, 'model'), pids: 7 },
  // gVisor density.csv: empty `sleep` container with runc ≈ 4.09 MB including the shim share
  sleep: { memoryMb: fig(0.5, 'model'), cpuPercent: fig(0, 'model'), pids: 1 },
  python: { memoryMb: fig(25, 'model'), cpuPercent: fig(0.3, 'model'), pids: 2 },
  analytics: { memoryMb: fig(60, 'model'), cpuPercent: fig(2, 'model'), pids: 4 }
}
