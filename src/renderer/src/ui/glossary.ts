// One sentence per layer of the stage: what it is and why it matters. The tooltip, the screen-reader list and
// the glossary dialog all read from here. Each entry reads its words in the current language when asked.
import type { LayerKind } from './types'
import { t } from '../i18n'

export interface GlossaryEntry { readonly term: string; readonly text: string }

function entry(key: string): GlossaryEntry {
  return {
    get term() { return t(`${key}.term`) },
    get text() { return t(`${key}.text`) }
  }
}

const KINDS: readonly LayerKind[] = [
  'hardware', 'cores', 'ram', 'disk', 'host-os', 'shared-kernel', 'hypervisor', 'docker',
  'vm', 'vm-hardware', 'guest-kernel', 'guest-os', 'vm-apps',
  'container', 'container-app', 'container-libs', 'shim'
]

export const GLOSSARY: Readonly<Record<LayerKind, GlossaryEntry>> =
  Object.fromEntries(KINDS.map((kind) => [kind, entry(`panels.glossary.${kind}`)])) as Record<LayerKind, GlossaryEntry>

export const GLOSSARY_EXTRA: readonly GlossaryEntry[] =
  ['namespace', 'cgroup', 'seccomp', 'capabilities', 'stopwatch'].map((id) => entry(`panels.glossaryExtra.${id}`))
