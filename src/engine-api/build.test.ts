import { describe, expect, it } from 'vitest'
import { drain, jsonLines, kit, runBody } from './testKit.ts'
import { writeTar } from './tar.ts'

const DOCKERFILE = ['FROM alpine:3.20', 'COPY app.sh /app.sh', 'RUN apk add curl', 'CMD ["sh", "/app.sh"]'].join('\n')

function context(extra: { path: string; content: string }[] = []): Uint8Array {
  return writeTar([{ path: 'Dockerfile', content: DOCKERFILE }, { path: 'app.sh', content: 'echo hello\n' }, ...extra])
}

describe('POST /build', () => {
  it('builds from a tar context, streams the steps, tags the image, and uses the cache the second time', () => {
    const k = kit()
    const res = k.call('POST', '/v1.50/build', { query: { t: 'myapp', dockerfile: 'Dockerfile' }, raw: context(), headers: { 'content-type': 'application/x-tar' } })
    expect(res.status).toBe(200)
    const out = drain(k.world, res)
    expect(out.ended).toBe(true)
    expect(out.text().endsWith('\r\n')).toBe(true)
    const messages = jsonLines(out.text())
    const lines = messages.filter((m) => 'stream' in m).map((m) => String(m.stream))
    expect(lines[0]).toBe('Step 1/4 : FROM alpine:3.20\n')
    expect(lines).toContain('Step 4/4 : CMD ["sh", "/app.sh"]\n')
    expect(lines.at(-2)).toMatch(/^Successfully built [0-9a-f]{12}\n$/)
    expect(lines.at(-1)).toBe('Successfully tagged myapp:latest\n')
    const aux = messages.find((m) => 'aux' in m) as { aux: { ID: string } }
    expect(aux.aux.ID).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(lines.some((l) => l.includes('Using cache'))).toBe(false)
    const images = k.call('GET', '/v1.50/images/json', { query: { filters: '{"reference":{"myapp":true}}' } }).json as { Id: string }[]
    expect(images.map((i) => i.Id)).toEqual([aux.aux.ID])

    const again = jsonLines(drain(k.world, k.call('POST', '/v1.50/build', { query: { t: 'myapp' }, raw: context() })).text())
    expect(again.filter((m) => m.stream === ' ---> Using cache\n')).toHaveLength(3)
    expect((again.find((m) => 'aux' in m) as { aux: { ID: string } }).aux.ID).toBe(aux.aux.ID)

    // the built image runs
    const created = k.call('POST', '/v1.50/containers/create', { body: runBody('myapp') })
    expect(created.status).toBe(201)
  })

  it('reports Dockerfile errors before the stream and step errors inside it', () => {
    const k = kit()
    const bad = k.call('POST', '/v1.50/build', { query: { t: 'bad' }, raw: writeTar([{ path: 'Dockerfile', content: 'FROM alpine\nFOO bar\n' }]) })
    expect(bad.status).toBe(400)
    expect(bad.json).toEqual({ message: 'dockerfile parse error on line 2: unknown instruction: FOO' })
    const missing = k.call('POST', '/v1.50/build', { query: { dockerfile: 'nope/Dockerfile' }, raw: context() })
    expect(missing.status).toBe(500)
    expect(missing.json).toEqual({ message: 'Cannot locate specified Dockerfile: nope/Dockerfile' })
    const copy = k.call('POST', '/v1.50/build', { query: { t: 'copy' }, raw: writeTar([{ path: 'Dockerfile', content: 'FROM alpine:3.20\nCOPY missing.txt /\n' }]) })
    expect(copy.status).toBe(200)
    const messages = jsonLines(drain(k.world, copy).text())
    const last = messages.at(-1) as { error: string; errorDetail: { message: string } }
    expect(last.error).toMatch(/^COPY failed: file not found in build context/)
    expect(last.errorDetail.message).toBe(last.error)
  })

  it('accepts a plain Dockerfile as the body (docker build - < Dockerfile)', () => {
    const k = kit()
    const res = k.call('POST', '/v1.50/build', { query: { t: 'plain' }, raw: 'FROM alpine:3.20\nCMD ["echo", "hi"]\n' })
    expect(res.status).toBe(200)
    expect(jsonLines(drain(k.world, res).text()).at(-1)).toEqual({ stream: 'Successfully tagged plain:latest\n' })
  })
})
