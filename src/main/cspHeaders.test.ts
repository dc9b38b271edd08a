import { describe, expect, it } from 'vitest'
import { CSP } from '../shared/csp'
import { cspForResponse, devCsp, withCspHeader } from './cspHeaders'
import { rendererEntry } from './rendererEntry'

const appEntry = rendererEntry({ isPackaged: true, devServerUrl: undefined })
const devEntry = rendererEntry({ isPackaged: false, devServerUrl: 'http://localhost:5173' })

describe('cspForResponse', () => {
  it('gives app pages the shared CSP unchanged', () => {
    expect(cspForResponse('app://stacklab/index.html', appEntry)).toBe(CSP)
  })

  it('relaxes only script-src and connect-src, only for the dev server of a dev run', () => {
    const relaxed = cspForResponse('http://localhost:5173/', devEntry)
    expect(relaxed).toBe(devCsp('http://localhost:5173'))
    expect(relaxed).toContain("script-src 'self' 'unsafe-inline'")
    expect(relaxed).toContain("connect-src 'self' ws://localhost:5173")
    expect(relaxed).not.toContain('unsafe-eval')
    // every other directive is the strict one
    const strict = CSP.split('; ').filter((d) => !d.startsWith('script-src') && !d.startsWith('connect-src'))
    for (const directive of strict) expect(relaxed.split('; ')).toContain(directive)
    expect(cspForResponse('http://localhost:9999/', devEntry)).toBe(CSP)
    expect(cspForResponse('http://localhost:5173/', appEntry)).toBe(CSP)
  })
})

describe('withCspHeader', () => {
  it('replaces any CSP the server sent, whatever its case, and keeps other headers', () => {
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, CSP)
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] })
  })

  it('adds the header when there were none', () => {
    expect(withCspHeader(undefined, CSP)).toEqual({ 'Content-Security-Policy': [CSP] })
  })
})
