import { describe, expect, it } from 'vitest'
import { bytesSize, humanDuration, humanSize, parseDurationMs, parseSizeMb } from './units.ts'

describe('units', () => {
  it('parses docker sizes', () => {
    expect(parseSizeMb('256m')).toBe(256)
    expect(parseSizeMb('2g')).toBe(2048)
    expect(parseSizeMb('1.5g')).toBe(1536)
    expect(parseSizeMb('512mb')).toBe(512)
    expect(parseSizeMb('1048576')).toBe(1)
    expect(parseSizeMb('12x')).toBeNull()
    expect(parseSizeMb('')).toBeNull()
    expect(parseSizeMb('-5m')).toBeNull()
  })
  it('parses durations', () => {
    expect(parseDurationMs('500ms')).toBe(500)
    expect(parseDurationMs('30s')).toBe(30_000)
    expect(parseDurationMs('2m')).toBe(120_000)
    expect(parseDurationMs('1m30s')).toBe(90_000)
    expect(parseDurationMs('10')).toBeNull()
    expect(parseDurationMs('abc')).toBeNull()
  })
  it('formats like the docker CLI', () => {
    expect(humanSize(192_000_000)).toBe('192MB')
    expect(humanSize(7_800_000)).toBe('7.8MB')
    expect(humanSize(0)).toBe('0B')
    expect(bytesSize(256 * 1048576)).toBe('256MiB')
    expect(humanDuration(500)).toBe('Less than a second')
    expect(humanDuration(1500)).toBe('1 second')
    expect(humanDuration(90_000)).toBe('About a minute')
    expect(humanDuration(300_000)).toBe('5 minutes')
  })
})
