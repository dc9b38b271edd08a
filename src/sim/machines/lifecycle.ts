import type { AnyStateMachine } from 'xstate'
import { transition } from 'xstate'

// Lifecycle state lives in plain data (a string) so the world can be cloned for checkpoints; the machines
// decide which transitions are legal. Snapshots are resolved once per state value and cached.
const cache = new WeakMap<AnyStateMachine, Map<string, ReturnType<AnyStateMachine['resolveState']>>>()

function snapshotOf(machine: AnyStateMachine, value: string) {
  let byValue = cache.get(machine)
  if (!byValue) cache.set(machine, (byValue = new Map()))
  let snapshot = byValue.get(value)
  if (!snapshot) byValue.set(value, (snapshot = machine.resolveState({ value, context: {} })))
  return snapshot
}

/** The next state for `eventType` from `value`, or null when the machine does not allow it. */
export function nextLifecycle<S extends string>(machine: AnyStateMachine, value: S, eventType: string): S | null {
  const snapshot = snapshotOf(machine, value)
  if (!snapshot.can({ type: eventType })) return null
  const [next] = transition(machine, snapshot, { type: eventType })
  return next.value as S
}
