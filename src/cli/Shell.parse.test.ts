import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseLine, stripComment } from './Shell.ts'
import { parseGlobals } from './dockerCli.ts'
import { parseFlags, FlagError } from './flags.ts'
import { RUN_FLAGS, createBody } from './commands/run.ts'

const WORDS = ['docker', 'run', '-d', '--name', 'web', 'vm', 'create', 'start', '--os', 'ubuntu-24.04', 'fault', 'panic', 'leak', '--rate', '50m/s',
  'wait', '30s', 'host', 'add', '--memory', '2g', 'report', '--json', 'checkpoint', 'rewind', '#', "'", '"', 'x', '-p', '8080:80', '--cpus', '0.5', 'client', 'use']

describe('parseLine (property)', () => {
  it('never throws and always gives a command or an error message', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }).map((w) => w.join(' '))), (line) => {
      const p = parseLine(line)
      expect(['empty', 'docker', 'sim', 'shell', 'error']).toContain(p.kind)
      if (p.kind === 'error') expect(p.message.length).toBeGreaterThan(0)
    }), { numRuns: 2000 })
  })
  it('docker flag parsing never throws anything but a FlagError with a message', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { maxLength: 12 }), (words) => {
      try {
        const p = parseFlags(words, RUN_FLAGS, true, 'run')
        if (p.args.length) createBody('run', p.values, p.args[0]!, p.args.slice(1), true)
      } catch (e) {
        expect(e).toBeInstanceOf(FlagError)
        expect((e as Error).message).toMatch(/\S/)
      }
      const g = parseGlobals(words)
      expect(typeof g === 'string' || Array.isArray(g.rest)).toBe(true)
    }), { numRuns: 2000 })
  })
})

describe('parseLine', () => {
  it('splits words as a POSIX shell and strips comments outside quotes', () => {
    expect(parseLine("docker run --rm alpine sh -c 'exit 3' # a comment")).toEqual({ kind: 'docker', words: ['run', '--rm', 'alpine', 'sh', '-c', 'exit 3'] })
    expect(stripComment('echo "a # b" # c')).toBe('echo "a # b" ')
    expect(parseLine('   # only a comment').kind).toBe('empty')
  })
  it('names what is wrong', () => {
    expect(parseLine('vm create web')).toMatchObject({ kind: 'error', message: expect.stringMatching(/needs --os/) })
    expect(parseLine('wait soon')).toMatchObject({ kind: 'error', message: expect.stringMatching(/invalid duration "soon"/) })
    expect(parseLine('dokcer ps')).toMatchObject({ kind: 'error', message: expect.stringMatching(/Did you mean this\?\n\tdocker/) })
    expect(parseLine("echo 'unclosed")).toMatchObject({ kind: 'error', message: 'unterminated quote' })
    expect(parseLine('fault leak web --rate fast')).toMatchObject({ kind: 'error', message: expect.stringMatching(/invalid rate "fast"/) })
  })
})
