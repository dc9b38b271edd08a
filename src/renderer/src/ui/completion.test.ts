import { describe, expect, it } from 'vitest'
import { complete } from './completion'

const words = {
  vmNames: ['web-vm', 'db'], containerNames: ['web', 'worker'], images: ['nginx:1.27', 'redis:7', 'alpine:3.20'],
  oses: ['ubuntu-24.04', 'alpine-3.20'], hosts: ['vm-host', 'container-host'], checkpoints: ['default']
}

describe('complete', () => {
  it('completes a command word and adds a space', () => {
    expect(complete('doc', 3, words)).toEqual({ line: 'docker ', cursor: 7, options: [] })
  })

  it('completes docker subcommands and container names', () => {
    expect(complete('docker sto', 10, words).line).toBe('docker stop ')
    expect(complete('docker stop wo', 14, words).line).toBe('docker stop worker ')
  })

  it('extends to the common prefix and lists the candidates when several fit', () => {
    const result = complete('docker stop w', 13, words)
    expect(result.options).toEqual(['web', 'worker'])
    expect(result.line).toBe('docker stop w')
  })

  it('offers images after docker run and OSes after --os', () => {
    expect(complete('docker run -d ngi', 17, words).line).toBe('docker run -d nginx:1.27 ')
    expect(complete('vm create a --os ubu', 20, words).line).toBe('vm create a --os ubuntu-24.04 ')
  })

  it('offers nothing for a value that is free text', () => {
    expect(complete('docker run --name we', 20, words).options).toEqual([])
    expect(complete('docker run --name we', 20, words).line).toBe('docker run --name we')
  })

  it('keeps the text after the cursor', () => {
    expect(complete('vm sta web-vm', 6, words)).toEqual({ line: 'vm start web-vm', cursor: 8, options: [] })
  })
})
