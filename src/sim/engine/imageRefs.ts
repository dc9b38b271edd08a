import type { DaemonState, ImageState } from '../model/types.ts'

/** "nginx" → "nginx:latest"; "docker.io/library/nginx:1.27" → "nginx:1.27"; digests kept. */
export function normalizeRef(ref: string): string {
  let r = ref.trim()
  r = r.replace(/^docker\.io\//, '').replace(/^index\.docker\.io\//, '').replace(/^library\//, '')
  if (r.includes('@')) return r
  const lastSlash = r.lastIndexOf('/')
  const colon = r.lastIndexOf(':')
  return colon > lastSlash ? r : `${r}:latest`
}

export function splitRef(ref: string): { repo: string; tag: string } {
  const n = normalizeRef(ref)
  const at = n.indexOf('@')
  if (at >= 0) return { repo: n.slice(0, at), tag: n.slice(at + 1) }
  const colon = n.lastIndexOf(':')
  return { repo: n.slice(0, colon), tag: n.slice(colon + 1) }
}

/** The repository path docker shows in pull output: "library/nginx". */
export function remoteName(repo: string): string {
  return repo.includes('/') ? repo.replace(/^[^/]+\.[^/]+\//, '') : `library/${repo}`
}

/** Full reference as the CLI prints after a pull: docker.io/library/nginx:1.27. */
export function fullyQualified(ref: string): string {
  const { repo, tag } = splitRef(ref)
  const first = repo.split('/')[0]!
  const domain = repo.includes('/') && (first.includes('.') || first.includes(':')) ? '' : 'docker.io/'
  const path = domain && !repo.includes('/') ? `library/${repo}` : repo
  return `${domain}${path}${tag.startsWith('sha256:') ? '@' : ':'}${tag}`
}

const VALID_REF = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/
export function isValidRef(ref: string): boolean {
  const r = ref.replace(/^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?\//, '')
  return VALID_REF.test(r)
}

/** Resolve by repo:tag, full id, "sha256:" id or a unique id prefix. */
export function resolveImage(daemon: DaemonState, ref: string): ImageState | undefined {
  const norm = normalizeRef(ref)
  const byTag = daemon.images.find((i) => i.repoTags.includes(norm))
  if (byTag) return byTag
  const hex = ref.replace(/^sha256:/, '')
  if (/^[a-f0-9]{1,64}$/.test(hex)) {
    const matches = daemon.images.filter((i) => i.id.slice(7).startsWith(hex))
    if (matches.length === 1) return matches[0]
  }
  return undefined
}

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12)
export const imageSizeMb = (image: ImageState): number => image.layers.reduce((s, l) => s + l.sizeMb, 0)
