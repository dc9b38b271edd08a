// How each lifecycle state looks on the stage (icon and word), and which body layer each start phase brings up.
import type { ContainerState, VmState } from '../../../sim/index.ts'
import type { VisualState } from './StateIcon'
import type { LayerStatus } from './InstanceView'

export function vmVisual(vm: VmState): VisualState {
  switch (vm.state) {
    case 'starting': return 'starting'
    case 'running': return 'running'
    case 'paused': return 'paused'
    case 'stopping': return 'transition'
    case 'crashed': return 'crashed'
    default: return 'off'
  }
}

export function containerVisual(c: ContainerState): VisualState {
  switch (c.state) {
    case 'starting': return 'starting'
    case 'running': return 'running'
    case 'paused': return 'paused'
    case 'restarting': return 'transition'
    case 'exited': return c.oomKilled || (c.exitCode !== null && c.exitCode !== 0) ? 'crashed' : 'off'
    default: return 'off'
  }
}

/** VM body, bottom-up: 0 virtual hardware, 1 guest kernel, 2 guest OS, 3 apps. */
export function vmPhaseLayer(phase: string): number {
  switch (phase) {
    case 'vmm-init': case 'firmware': case 'vmm-start': case 'api-config': return 0
    case 'bootloader': case 'kernel': case 'kernel-and-init': return 1
    case 'initramfs': case 'userspace': return 2
    default: return 3
  }
}

/** Container body, bottom-up: 0 shim, 1 image layers (libs), 2 the app. */
export function containerPhaseLayer(phase: string): number {
  switch (phase) {
    case 'api-call': case 'create-snapshot': return 1
    case 'netns-veth': case 'shim': return 0
    default: return 2
  }
}

/**
 * A layer is on once every start phase that builds it is done, booting while one of them runs, and off
 * before. A layer no phase builds (a VM's apps) comes on when the instance is up.
 */
export function layerStatus(
  layer: number, up: boolean, starting: boolean, planned: readonly { name: string }[], phaseIndex: number,
  phaseLayer: (phase: string) => number
): LayerStatus {
  if (up) return 'on'
  if (!starting) return 'off'
  let last = -1
  for (let j = 0; j < planned.length; j++) if (phaseLayer(planned[j]!.name) === layer) last = j
  if (last >= 0 && phaseIndex > last) return 'on'
  const current = planned[phaseIndex]
  if (current && phaseLayer(current.name) === layer) return 'booting'
  return 'off'
}
