import type { WorldCore } from '../WorldCore.ts'
import type { DaemonState } from '../model/types.ts'

// docker's generated names are "adjective_surname"; a shorter list is enough, drawn from the seeded rng
const LEFT = ['admiring', 'brave', 'clever', 'dazzling', 'eager', 'focused', 'gallant', 'happy', 'jolly', 'keen', 'loving', 'modest', 'nifty', 'quirky', 'serene', 'trusting', 'vibrant', 'wizardly', 'zealous', 'upbeat']
const RIGHT = ['babbage', 'curie', 'darwin', 'euclid', 'feynman', 'galileo', 'hopper', 'johnson', 'kepler', 'lovelace', 'meitner', 'noether', 'pasteur', 'ritchie', 'shannon', 'thompson', 'turing', 'wozniak', 'yalow', 'zuse']

export function generateName(core: WorldCore, daemon: DaemonState): string {
  for (let attempt = 0; ; attempt++) {
    const left = LEFT[Math.floor(core.random() * LEFT.length)]!
    const right = RIGHT[Math.floor(core.random() * RIGHT.length)]!
    const name = attempt < 20 ? `${left}_${right}` : `${left}_${right}${attempt}`
    if (!daemon.containers.some((c) => c.name === name)) return name
  }
}
