// Maps an app://stacklab/… request to a file under the renderer build, or refuses it. Pure (no file
// system) so the traversal cases can be unit-tested; appProtocol.ts adds the realpath check for symlinks.
// Checklist item 18: a page served from app:// restricted to one folder cannot read arbitrary files the way
// a file:// page can.
import path from 'node:path'
import { APP_HOST, APP_SCHEME } from './rendererEntry'

export type AppPathResult =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 403 | 404; reason: string }

const INDEX_FILE = 'index.html'
// scheme and host are matched here on the raw text, because URL parsing would already have folded `..`
const REQUEST = new RegExp(`^${APP_SCHEME}://${APP_HOST}(/[^?#]*)?(?:[?#].*)?$`, 'is')
// after decoding, a segment must be a plain name: no separators, NUL or other control codes, and no ':'
// (a Windows drive letter or an alternate data stream)
function isForbiddenSegment(segment: string): boolean {
  return /[/\\:]/.test(segment) || [...segment].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
}

export function resolveAppPath(requestUrl: string, rootDir: string): AppPathResult {
  if (requestUrl.includes('\\') || requestUrl.includes('\u0000')) {
    return { ok: false, status: 403, reason: 'backslash or NUL in the URL' }
  }
  const match = REQUEST.exec(requestUrl)
  if (!match) return { ok: false, status: 404, reason: `not an ${APP_SCHEME}://${APP_HOST}/ URL` }

  const rawPath = match[1] ?? '/'
  const rawSegments = rawPath.slice(1).split('/')
  // 'app://stacklab/' and 'app://stacklab' mean the entry page
  if (rawSegments.length === 1 && rawSegments[0] === '') rawSegments[0] = INDEX_FILE

  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' }
    }
    if (segment === '' || segment === '.' || segment === '..') {
      return { ok: false, status: 403, reason: 'empty, . or .. path segment' }
    }
    if (isForbiddenSegment(segment)) {
      return { ok: false, status: 403, reason: 'separator, colon or control character in a path segment' }
    }
    segments.push(segment)
  }

  const root = path.resolve(rootDir)
  const filePath = path.resolve(root, ...segments)
  // belt and braces: whatever the checks above missed, the result must still be inside the root
  const relative = path.relative(root, filePath)
  if (relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' }
  }
  return { ok: true, filePath }
}
