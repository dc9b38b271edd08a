// API versions in the path prefix, compared as Go's api/types/versions does.
import { API_VERSION, MIN_API_VERSION } from './responses.ts'

/** -1, 0 or 1, comparing dot-separated numbers; a missing or unreadable part counts as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.')
  const right = b.split('.')
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = Number.parseInt(left[i] ?? '0', 10) || 0
    const y = Number.parseInt(right[i] ?? '0', 10) || 0
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** `/v1.50/containers/json` → { version: "1.50", path: "/containers/json" }; dockerd's `/v{version:[0-9.]+}`. */
export function splitVersion(path: string): { version: string | null; path: string } {
  const m = /^\/v([0-9.]+)(\/.*)?$/.exec(path)
  if (!m) return { version: null, path }
  return { version: m[1]!, path: m[2] ?? '' }
}

/** dockerd's version middleware: the refusal for a version outside [MIN_API_VERSION, API_VERSION], else null. */
export function versionRefusal(version: string): string | null {
  if (compareVersions(version, MIN_API_VERSION) < 0) {
    return `client version ${version} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`
  }
  if (compareVersions(version, API_VERSION) > 0) return `client version ${version} is too new. Maximum supported API version is ${API_VERSION}`
  return null
}
