import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSP } from '../shared/csp'
import { APP_SCHEME_PRIVILEGES, serveAppRequest } from './appProtocol'

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'stacklab-protocol-'))
  root = path.join(base, 'renderer')
  mkdirSync(path.join(root, 'assets'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Stacklab</title>')
  writeFileSync(path.join(root, 'assets', 'index-1.js'), 'console.log(1)')
  writeFileSync(path.join(base, 'secret.txt'), 'do not serve')
  // a link inside the build that points outside it
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'))
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('serveAppRequest', () => {
  it('serves the entry page with its type, the CSP and nosniff', async () => {
    const response = await serveAppRequest('app://stacklab/', root)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Stacklab</title>')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves scripts as JavaScript', async () => {
    const response = await serveAppRequest('app://stacklab/assets/index-1.js', root)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('never serves a file outside the folder', async () => {
    for (const url of ['app://stacklab/../secret.txt', 'app://stacklab/%2e%2e/secret.txt', 'app://stacklab/..%5csecret.txt']) {
      const response = await serveAppRequest(url, root)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(await response.text()).not.toContain('do not serve')
    }
  })

  it('refuses a symlink that leads out of the folder', async () => {
    const response = await serveAppRequest('app://stacklab/assets/leak.txt', root)
    expect(response.status).toBe(403)
    expect(await response.text()).toBe('')
  })

  it('answers 404 for missing files and folders', async () => {
    expect((await serveAppRequest('app://stacklab/missing.js', root)).status).toBe(404)
    expect((await serveAppRequest('app://stacklab/assets', root)).status).toBe(404)
  })
})

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app: a standard secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false, corsEnabled: false })
  })
})
