// Project folders a learner edits: written by a command line (so the session replays), built by docker build.
import { describe, expect, it } from 'vitest'
import { TestWorld } from '../support/TestWorld.ts'

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

describe('project write', () => {
  it('creates a project whose Dockerfile docker build reads, and a reordered Dockerfile changes what is cached', async () => {
    const t = new TestWorld()
    await t.ok(`project write app Dockerfile --base64 ${b64('FROM alpine:3.20\nCOPY msg.txt /msg.txt\nCMD ["cat", "/msg.txt"]\n')}`)
    await t.ok(`project write app msg.txt --text 'hello from a layer'`)
    const built = await t.ok('docker build -t app:1 app')
    expect(built.stdout).toMatch(/Successfully tagged app:1/)
    const run = await t.ok('docker run --rm app:1')
    expect(run.stdout).toBe('hello from a layer')
    await t.ok(`project write app msg.txt --text 'changed'`)
    const again = await t.ok('docker build -t app:2 app')
    expect(again.stdout).toMatch(/Step 2\/3 : COPY msg.txt \/msg.txt\n ---> [0-9a-f]{12}/)
    expect((await t.ok('project show app msg.txt')).stdout).toBe('changed\n')
  })

  it('refuses bad names, paths and encodings and changes nothing', async () => {
    const t = new TestWorld()
    const before = JSON.stringify(t.world.state.projects)
    for (const line of ['project write ../x Dockerfile --text a', 'project write app ../etc/passwd --text a', 'project write app Dockerfile --base64 ***',
      'project write app Dockerfile', 'project write app Dockerfile --text a --base64 YQ==']) {
      const r = await t.run(line)
      expect(r.exitCode, line).not.toBe(0)
      expect(r.stderr, line).toMatch(/\S/)
    }
    expect(JSON.stringify(t.world.state.projects)).toBe(before)
  })
})
