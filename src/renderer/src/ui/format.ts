// Formats shared by the panels.
import { SOURCES } from '../../../sim/index.ts'
import type { FigureSource } from './types'

/** "t = 1:02.3" — virtual time as minutes:seconds.tenths. */
export function formatClock(ms: number): string {
  const totalTenths = Math.floor(ms / 100)
  const tenths = totalTenths % 10
  const seconds = Math.floor(totalTenths / 10) % 60
  const minutes = Math.floor(totalTenths / 600)
  return `${minutes}:${String(seconds).padStart(2, '0')}.${tenths}`
}

export function formatMs(ms: number): string {
  return `${Math.round(ms).toLocaleString('en-US')} ms`
}

export function formatMb(mb: number): string {
  if (mb >= 1024) return `${(mb / 1024).toFixed(mb >= 10 * 1024 ? 0 : 1)} GiB`
  return `${mb.toFixed(mb >= 100 ? 0 : 1)} MiB`
}

const SHORT: Partial<Record<FigureSource, string>> = {
  felter2014: 'Felter 2014',
  'firecracker-spec': 'Firecracker spec',
  'firecracker-nsdi2020': 'Firecracker, NSDI 2020',
  lightvm2017: 'LightVM, SOSP 2017',
  garzarella2019: 'Garzarella 2019',
  'cloud-init-analyze': 'cloud-init analyze',
  'opscart-docker': 'opscart measurements',
  'docker-create-2018': 'Kata timing 2018',
  'containerd-issues': 'containerd issues',
  'image-sizes': 'published image sizes',
  'windows-server-docs': 'Windows Server docs',
  'docker-desktop-docs': 'Docker Desktop docs',
  'docker-seccomp-docs': 'Docker seccomp docs',
  'moby-caps': 'moby caps defaults',
  'docker-resource-docs': 'Docker resource docs',
  'cgroup-v2-docs': 'cgroup v2 docs',
  'syscall-table': 'syscall table',
  'oom-docs': 'OOM docs',
  'type2-model': 'type-2 defaults (model)',
  model: 'model assumption',
  simulated: 'simulated now',
  setting: 'your setting'
}

export function sourceLabel(source: FigureSource): string {
  return SHORT[source] ?? source
}

export function sourceTitle(source: FigureSource): string {
  if (source === 'simulated') return 'Computed by the simulation at this moment'
  if (source === 'setting') return 'A value you chose'
  return SOURCES[source] ?? source
}
