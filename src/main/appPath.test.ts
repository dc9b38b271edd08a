import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppPath } from './appPath'

const root = path.resolve('/srv/stacklab/out/renderer')

function refused(url: string): number | null {
  const result = resolveAppPath(url, root)
  return result.ok ? null : result.status
}

describe('resolveAppPath', () => {
  it('maps app://stacklab/ paths to files under the root', () => {
    expect(resolveAppPath('app://stacklab/index.html', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') })
    expect(resolveAppPath('app://stacklab/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-abc.js')
    })
    expect(resolveAppPath('app://stacklab/fonts/Inter%20Bold.woff2', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'fonts', 'Inter Bold.woff2')
    })
  })

  it('serves index.html for the bare origin', () => {
    expect(resolveAppPath('app://stacklab/', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') })
    expect(resolveAppPath('app://stacklab', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') })
  })

  it.each([
    'app://stacklab/../../etc/passwd',
    'app://stacklab/assets/../../secret',
    'app://stacklab/%2e%2e/%2e%2e/etc/passwd',
    'app://stacklab/%2E%2E/secret',
    'app://stacklab/.%2e/secret',
    'app://stacklab/%2e%2e%2fsecret',
    'app://stacklab/..%5csecret',
    'app://stacklab/..\\secret',
    'app://stacklab/assets\\..\\..\\secret',
    'app://stacklab/index.html%00.png',
    'app://stacklab/index.html\u0000.png',
    'app://stacklab//etc/passwd',
    'app://stacklab/%2fetc%2fpasswd',
    'app://stacklab/C:%5cWindows%5cwin.ini',
    'app://stacklab/C:/Windows/win.ini',
    'app://stacklab/./index.html',
    'app://stacklab/assets/'
  ])('refuses %s', (url) => {
    expect(refused(url)).toBe(403)
  })

  it('refuses malformed percent-encoding', () => {
    expect(refused('app://stacklab/%E0%A4%A')).toBe(400)
  })

  it.each(['file:///etc/passwd', 'app://other/index.html', 'app://stacklab.evil/index.html', 'https://stacklab/index.html', '/etc/passwd'])(
    'refuses %s, which is not our origin',
    (url) => {
      expect(refused(url)).toBe(404)
    }
  )

  it('never returns a path outside the root, whatever the input', () => {
    const nasty = ['..', '%2e%2e', '%2E.', '.%2E', '%5c', '%2f', '\\', '%00', 'a', '', ':', 'C:', '%c0%ae%c0%ae']
    for (const a of nasty) {
      for (const b of nasty) {
        const result = resolveAppPath(`app://stacklab/${a}/${b}/x`, root)
        if (result.ok) expect(result.filePath.startsWith(root + path.sep)).toBe(true)
      }
    }
  })
})
