// i18next for the renderer: English (complete) and German, the language chosen by ?lang=, then the last choice
// (localStorage), then the browser's language. English is inline (it is also every key's fallback); German is a
// chunk of its own, loaded when it is first chosen — at start (main() awaits `languageReady` before the first
// render, so the page never flashes English) or at a switch (i18next loads it before it changes the language).
// `?longStrings=1` doubles every translated string to catch layouts that break.
import i18next, { type BackendModule, type TOptions } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'

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

/** Loads the tables that are not inline (German) when i18next first needs them. */
const onDemand: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, namespace, done) => {
    if (language !== 'de' || namespace !== 'translation') {
      done(null, {})
      return
    }
    import('./de').then(({ de }) => done(null, de), (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), null))
  }
}

export const i18n = i18next.createInstance()

/** Settles once the first language's table is there (at once for English; German is fetched first). */
export const languageReady: Promise<void> = i18n
  .use(initReactI18next)
  .use(onDemand)
  .use({ type: 'postProcessor', name: 'longStrings', process: (value: string) => `${value} ${value}` })
  .init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    lng: supported(params().get('lang')) ?? supported(stored()) ?? supported(host.navigator?.language) ?? 'en',
    fallbackLng: 'en',
    supportedLngs: SUPPORTED,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    postProcess: longStrings ? ['longStrings'] : false
  })
  .then(() => undefined, () => undefined) // a table that fails to load leaves its keys to the English fallback

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
