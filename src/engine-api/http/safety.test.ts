import { describe, expect, it } from 'vitest'
import { decodePath, isBuildRequest, parseRequestTarget } from './requestTarget.ts'
import { checkRequestSafety, isLoopbackHost } from './safety.ts'

describe('isLoopbackHost', () => {
  it('accepts loopback names with no port or the listening port', () => {
    for (const host of ['127.0.0.1:2375', 'localhost:2375', 'LocalHost:2375', '[::1]:2375', '127.0.0.1', 'localhost', '[::1]', ' 127.0.0.1:2375 ']) {
      expect(isLoopbackHost(host, 2375)).toBe(true)
    }
  })
  it('refuses other names, other ports and malformed values', () => {
    for (const host of ['evil.example', 'evil.example:2375', '127.0.0.1.nip.io:2375', 'localhost.evil.com:2375', 'localhost.:2375', '127.0.0.1:2376',
      '127.0.0.2:2375', '[::1', '[::1]x', '[::1]:', '127.0.0.1:', '127.0.0.1:+2375', '127.0.0.1:2375:2375', 'api.moby.localhost', '::1', '', '0.0.0.0:2375', '[::]:2375']) {
      expect(isLoopbackHost(host, 2375)).toBe(false)
    }
  })
})

describe('checkRequestSafety', () => {
  const ok = { method: 'GET', headers: { host: '127.0.0.1:2375' }, hostValues: ['127.0.0.1:2375'], localPort: 2375 }
  it('passes what the docker CLI sends', () => {
    expect(checkRequestSafety(ok)).toBeNull()
    expect(checkRequestSafety({ ...ok, method: 'POST', headers: { ...ok.headers, 'user-agent': 'Docker-Client/28.2.2 (linux)', 'content-type': 'application/json' } })).toBeNull()
  })
  it('refuses a missing or repeated Host, Origin, Sec-Fetch-* and OPTIONS', () => {
    expect(checkRequestSafety({ ...ok, hostValues: [] })?.status).toBe(403)
    expect(checkRequestSafety({ ...ok, hostValues: ['127.0.0.1:2375', '127.0.0.1:2375'] })?.status).toBe(403)
    expect(checkRequestSafety({ ...ok, headers: { ...ok.headers, origin: 'null' } })?.status).toBe(403)
    expect(checkRequestSafety({ ...ok, headers: { ...ok.headers, 'sec-fetch-mode': 'cors' } })?.status).toBe(403)
    expect(checkRequestSafety({ ...ok, method: 'OPTIONS' })?.status).toBe(403)
  })
})

describe('request target', () => {
  it('splits path and query; repeated keys keep the last value', () => {
    expect(parseRequestTarget('/v1.50/containers/json?all=1&filters=%7B%22status%22%3A%7B%22running%22%3Atrue%7D%7D&all=0')).toEqual({
      path: '/v1.50/containers/json',
      query: { all: '0', filters: '{"status":{"running":true}}' }
    })
    expect(parseRequestTarget('/_ping')).toEqual({ path: '/_ping', query: {} })
    expect(parseRequestTarget('/x?#frag')).toEqual({ path: '/x', query: {} })
  })
  it('keeps prototype-looking query keys as plain data', () => {
    const target = parseRequestTarget('/x?__proto__=1&constructor=2')
    expect(target?.query['__proto__']).toBe('1')
    expect(Object.getPrototypeOf(target?.query)).toBe(Object.prototype)
  })
  it('refuses non origin-form targets', () => {
    expect(parseRequestTarget('*')).toBeNull()
    expect(parseRequestTarget('http://127.0.0.1/_ping')).toBeNull()
    expect(parseRequestTarget(undefined)).toBeNull()
  })
  it('decodes the path except %2F, keeps malformed escapes, reads UTF-8', () => {
    expect(decodePath('/images/nginx:1.27/json')).toBe('/images/nginx:1.27/json')
    expect(decodePath('/images/a%2fb%2Fc/json')).toBe('/images/a%2fb%2Fc/json')
    expect(decodePath('/containers/my%20app/json')).toBe('/containers/my app/json')
    expect(decodePath('/x/%E2%9C%93/%zz/%4')).toBe('/x/✓/%zz/%4')
    expect(decodePath('/x/\u00c3\u00a9')).toBe('/x/é') // raw UTF-8 bytes arrive as latin1 chars
  })
  it('recognises POST /build with or without a version prefix', () => {
    expect(isBuildRequest('POST', '/build')).toBe(true)
    expect(isBuildRequest('POST', '/v1.50/build')).toBe(true)
    expect(isBuildRequest('POST', '/v1.12/build')).toBe(true)
    expect(isBuildRequest('GET', '/v1.50/build')).toBe(false)
    expect(isBuildRequest('POST', '/v1.50/build/prune')).toBe(false)
    expect(isBuildRequest('POST', '/v1.50/containers/build')).toBe(false)
  })
})
