import { describe, expect, it } from 'vitest'
import { NATIVE_LANGUAGES, NATIVE_TEXT, isNativeLanguage, nativeLanguage, type NativeText } from './nativeText'

type Group = keyof NativeText
const GROUPS = Object.keys(NATIVE_TEXT.en) as Group[]

// sample arguments that every function accepts: numbers interpolate like strings and format like sizes
const SAMPLE = [1234, 6789] as const

/** Every entry as text: functions are called with sample values, so their output is checked too. */
function rendered(text: NativeText): Record<string, string> {
  const out: Record<string, string> = {}
  for (const group of GROUPS) {
    for (const [key, value] of Object.entries(text[group])) {
      out[`${group}.${key}`] = typeof value === 'function' ? (value as (...args: unknown[]) => string)(...SAMPLE) : (value as string)
    }
  }
  return out
}

describe('native text table', () => {
  it('has the same keys in every language (the type enforces it; this checks nothing slipped in at runtime)', () => {
    const keys = (text: NativeText) => Object.keys(rendered(text)).sort()
    for (const language of NATIVE_LANGUAGES) expect(keys(NATIVE_TEXT[language])).toEqual(keys(NATIVE_TEXT.en))
    expect(Object.keys(NATIVE_TEXT).sort()).toEqual([...NATIVE_LANGUAGES].sort())
  })

  it('has no empty text, and German differs from English except for words both share', () => {
    const en = rendered(NATIVE_TEXT.en)
    const de = rendered(NATIVE_TEXT.de)
    const shared = new Set(['menu.simulation'])
    for (const [key, text] of Object.entries(de)) {
      expect(text.trim(), key).not.toBe('')
      if (shared.has(key)) expect(text, key).toBe(en[key])
      else expect(text, key).not.toBe(en[key])
    }
  })

  it('passes every value of a message through', () => {
    for (const language of NATIVE_LANGUAGES) {
      for (const [key, value] of Object.entries(NATIVE_TEXT[language].message)) {
        if (typeof value !== 'function') continue
        const out = (value as (...args: unknown[]) => string)(...SAMPLE)
        if (value.length >= 1) expect(out, `${language} ${key}`).toContain(String(SAMPLE[0]))
        if (value.length >= 2) expect(out, `${language} ${key}`).toContain(String(SAMPLE[1]))
      }
    }
    expect(NATIVE_TEXT.de.message.fileTooLarge(6.25, 5)).toBe('Die Datei ist 6,3 MB groß; Stacklab öffnet Dateien bis 5,0 MB.')
    expect(NATIVE_TEXT.en.message.fileTooLarge(6.25, 5)).toBe('The file is 6.3 MB; Stacklab opens files of up to 5.0 MB.')
  })

  it('marks an access key on each top-level menu, as English does', () => {
    for (const language of NATIVE_LANGUAGES) {
      const { file, view, simulation, help } = NATIVE_TEXT[language].menu
      for (const label of [file, view, simulation, help]) expect(label).toMatch(/^&\p{L}/u)
    }
  })
})

describe('nativeLanguage', () => {
  it('takes the base code of a supported language', () => {
    expect(nativeLanguage('de')).toBe('de')
    expect(nativeLanguage('de-AT')).toBe('de')
    expect(nativeLanguage('DE_ch')).toBe('de')
    expect(nativeLanguage('en-GB')).toBe('en')
  })

  it('falls back to English for anything else', () => {
    for (const code of [undefined, '', 'fr', 'deu', '-de', 'xx-DE']) expect(nativeLanguage(code)).toBe('en')
  })

  it('knows exactly the supported codes', () => {
    expect(isNativeLanguage('de')).toBe(true)
    expect(isNativeLanguage('de-DE')).toBe(false)
    expect(isNativeLanguage(null)).toBe(false)
  })
})
