// i18next for the renderer: English (complete) and German, the language chosen by ?lang=, then the last choice
// (localStorage), then the browser's language. Initialised synchronously on import, so the first render is
// already in the right language. `?longStrings=1` doubles every translated string to catch layouts that break.
import i18next, { type TOptions } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { de } from './de'

export const LANGUAGES: readonly { code: string; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' }
]
const SUPPORTED = LANGUAGES.map((l) => l.code)
const STORAGE_KEY = 'stacklab.language'

// Typed without the DOM library: this module also loads in Node (unit tests of app code that speaks through t()).
const host = globalThis as unknown as {
  location?: { search: string }
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void }
  document?: { documentElement: { lang: string } }
  navigator?: { language?: string }
}

function params(): URLSearchParams {
  try {
    return new URLSearchParams(host.location?.search ?? '')
  } catch {
    return new URLSearchParams()
  }
}

function stored(): string | null {
  try {
    return host.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

function supported(code: string | null | undefined): string | null {
  if (!code) return null
  const base = code.toLowerCase().split('-')[0] ?? ''
  return SUPPORTED.includes(base) ? base : null
}

/** ?longStrings=1: every translated string twice, to find the layouts that break with long German words. */
export const longStrings = params().get('longStrings') === '1'

/** Doubles a text in long-string mode (for lesson content, which does not go through t()). */
export function stretch(text: string): string {
  return longStrings ? `${text} ${text}` : text
}

export const i18n = i18next.createInstance()

i18n
  .use(initReactI18next)
  .use({ type: 'postProcessor', name: 'longStrings', process: (value: string) => `${value} ${value}` })
  .init({
    resources: { en: { translation: en }, de: { translation: de } },
    lng: supported(params().get('lang')) ?? supported(stored()) ?? supported(host.navigator?.language) ?? 'en',
    fallbackLng: 'en',
    supportedLngs: SUPPORTED,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    postProcess: longStrings ? ['longStrings'] : false
  })
  .catch(() => { /* resources are inline: init cannot fail to load */ })

function applyLang(lng: string): void {
  try {
    if (host.document) host.document.documentElement.lang = lng
  } catch {
    // no document (tests)
  }
}
applyLang(i18n.language)
i18n.on('languageChanged', (lng) => {
  applyLang(lng)
  try {
    host.localStorage?.setItem(STORAGE_KEY, lng)
  } catch {
    // the choice lasts for this visit only
  }
})

/** The current UI language's base code (en, de). */
export function currentLanguage(): string {
  return supported(i18n.language) ?? 'en'
}

export function setLanguage(code: string): void {
  void i18n.changeLanguage(supported(code) ?? 'en')
}

/** t() outside React (the app's controllers). */
export function t(key: string, options?: TOptions): string {
  return (options ? i18n.t(key, options) : i18n.t(key)) as string
}
