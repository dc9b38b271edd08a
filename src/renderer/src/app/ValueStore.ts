// A value that React reads through useSyncExternalStore: replaced, never mutated, and announced once.
import type { ReadableStore } from '../ui/types'

export class ValueStore<T> implements ReadableStore<T> {
  private readonly listeners = new Set<() => void>()

  constructor(private value: T) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): T => this.value

  set(value: T): void {
    if (Object.is(value, this.value)) return
    this.value = value
    for (const listener of [...this.listeners]) listener()
  }
}
