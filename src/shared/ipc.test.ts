import { describe, expect, it } from 'vitest'
import {
  CHANNEL_PREFIX,
  CHANNELS,
  INVOKE_CONTRACT,
  MENU_ACTIONS,
  MenuActionSchema,
  NativeLanguageSchema,
  SavePngRequestSchema,
  SaveTextFileRequestSchema,
  SuggestedNameSchema,
  TEXT_FILE_MAX_BYTES,
  isMenuAction
} from './ipc'

describe('IPC contract', () => {
  it('puts every channel under the stacklab: prefix, each name once', () => {
    const names = Object.values(CHANNELS)
    for (const name of names) expect(name.startsWith(CHANNEL_PREFIX)).toBe(true)
    expect(new Set(names).size).toBe(names.length)
    for (const name of Object.keys(INVOKE_CONTRACT)) expect(names).toContain(name)
  })

  it('accepts exactly the argument lists of each channel', () => {
    expect(INVOKE_CONTRACT[CHANNELS.openTextFile].args.safeParse([]).success).toBe(true)
    expect(INVOKE_CONTRACT[CHANNELS.openTextFile].args.safeParse(['/etc/passwd']).success).toBe(false)
    expect(INVOKE_CONTRACT[CHANNELS.autosaveWrite].args.safeParse(['{"a":1}']).success).toBe(true)
    expect(INVOKE_CONTRACT[CHANNELS.autosaveWrite].args.safeParse([{ a: 1 }]).success).toBe(false)
    expect(INVOKE_CONTRACT[CHANNELS.autosaveWrite].args.safeParse([]).success).toBe(false)
  })

  it('accepts only the exact codes of the languages main speaks', () => {
    const args = INVOKE_CONTRACT[CHANNELS.setLanguage].args
    expect(args.safeParse(['en']).success).toBe(true)
    expect(args.safeParse(['de']).success).toBe(true)
    for (const bad of [[], ['fr'], ['de-DE'], ['DE'], [''], [' de'], [42], [null], [{ lang: 'de' }], ['de', 'en']]) {
      expect(args.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
    expect(NativeLanguageSchema.options).toEqual(['en', 'de'])
    expect(INVOKE_CONTRACT[CHANNELS.setLanguage].result.safeParse(undefined).success).toBe(true)
  })

  it('refuses suggested names that carry a folder or reserved characters', () => {
    for (const good of ['lesson 3.json', 'session.sh', 'Stacklab — scene.png']) {
      expect(SuggestedNameSchema.safeParse(good).success).toBe(true)
    }
    for (const bad of ['', '.', '..', '../x.json', 'a/b.txt', 'a\\b.txt', 'C:x', 'x\u0000.png', 'a\nb', 'x?.txt', 'x'.repeat(201)]) {
      expect(SuggestedNameSchema.safeParse(bad).success).toBe(false)
    }
  })

  it('refuses unknown fields and oversized text', () => {
    expect(SaveTextFileRequestSchema.safeParse({ suggestedName: 'a.txt', text: 'x' }).success).toBe(true)
    expect(SaveTextFileRequestSchema.safeParse({ suggestedName: 'a.txt', text: 'x', path: '/etc/passwd' }).success).toBe(false)
    expect(SaveTextFileRequestSchema.safeParse({ suggestedName: 'a.txt', text: 'x'.repeat(TEXT_FILE_MAX_BYTES + 1) }).success).toBe(false)
  })

  it('accepts only base64 for pictures', () => {
    expect(SavePngRequestSchema.safeParse({ suggestedName: 'a.png', dataBase64: 'iVBORw0KGgo=' }).success).toBe(true)
    expect(SavePngRequestSchema.safeParse({ suggestedName: 'a.png', dataBase64: 'data:image/png;base64,iVBO' }).success).toBe(false)
    expect(SavePngRequestSchema.safeParse({ suggestedName: 'a.png', dataBase64: '' }).success).toBe(false)
  })

  it('has one zod enum of menu actions, matching the plain list the preload checks against', () => {
    expect(MenuActionSchema.options).toEqual([...MENU_ACTIONS])
    expect(isMenuAction('sim.step')).toBe(true)
    expect(isMenuAction('sim.explode')).toBe(false)
    expect(isMenuAction({ toString: () => 'sim.step' })).toBe(false)
  })
})
