import type { ClientLocation, HypervisorKind, OsFamily } from '../model/types.ts'
import type { FaultKind } from '../faults/faults.ts'

/** The non-docker commands of the command language, parsed. */
export type SimCommand =
  | { type: 'vm.create'; name: string; os: string; kind: 'full' | 'microvm'; cpus?: number; memoryMb?: number; diskMb?: number; host?: string; docker: boolean; autostart: boolean }
  | { type: 'vm.start' | 'vm.stop' | 'vm.pause' | 'vm.resume' | 'vm.delete'; name: string; host?: string }
  | { type: 'vm.list' }
  | { type: 'vm.exec'; name: string; host?: string; argv: string[] }
  | { type: 'host.add' | 'host.set'; name: string; cores?: number; memoryMb?: number; diskMb?: number; os?: OsFamily; kernel?: string; hypervisor?: HypervisorKind; docker?: boolean; overcommit?: number }
  | { type: 'host.list' }
  | { type: 'client.use'; location: ClientLocation }
  | { type: 'client.dockerHost'; url: string | null }
  | { type: 'client.contextCreate'; name: string; host: string; description: string }
  | { type: 'client.contextUse' | 'client.contextRemove'; name: string }
  | { type: 'fault'; kind: FaultKind; target: string; rateMbPerS?: number; threads?: number }
  | { type: 'checkpoint' | 'rewind'; name: string }
  | { type: 'project.write'; name: string; path: string; text: string }
  | { type: 'project.list' }
  | { type: 'project.show'; name: string; path: string }
  | { type: 'wait'; ms: number }
  | { type: 'report'; json: boolean }
