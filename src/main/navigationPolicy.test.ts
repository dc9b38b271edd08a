import { describe, expect, it } from 'vitest'
import { isNavigationAllowed, isTrustedSender } from './navigationPolicy'
import { originOf } from './origin'

describe('originOf', () => {
  it('gives scheme://host for our own scheme, where URL.origin says "null"', () => {
    expect(new URL('app://stacklab/index.html').origin).toBe('null')
    expect(originOf('app://stacklab/index.html')).toBe('app://stacklab')
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173')
  })

  it('is null for text without a host', () => {
    expect(originOf('not a url')).toBeNull()
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('data:text/html,hi')).toBeNull()
  })
})

describe('isNavigationAllowed', () => {
  const origin = 'app://stacklab'

  it('allows pages of our own origin', () => {
    expect(isNavigationAllowed('app://stacklab/index.html#lesson-2', origin)).toBe(true)
  })

  it.each([
    'https://example.com/',
    'app://stacklab.evil/index.html',
    'app://stacklab@evil/index.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    'http://localhost:5173/'
  ])('blocks %s', (url) => {
    expect(isNavigationAllowed(url, origin)).toBe(false)
  })
})

describe('isTrustedSender', () => {
  it('trusts only the top frame of our origin', () => {
    expect(isTrustedSender({ url: 'app://stacklab/index.html', isMainFrame: true }, 'app://stacklab')).toBe(true)
    expect(isTrustedSender({ url: 'app://stacklab/index.html', isMainFrame: false }, 'app://stacklab')).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, 'app://stacklab')).toBe(false)
    expect(isTrustedSender(null, 'app://stacklab')).toBe(false)
  })
})
