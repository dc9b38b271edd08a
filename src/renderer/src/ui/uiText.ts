// Turns a UiText (a translation key and its values, as the app layer hands it over) into the text to show, in
// the current language. Values that are UiTexts themselves are translated first.
import type { TFunction } from 'i18next'
import type { UiText } from './types'

export function isUiText(value: unknown): value is UiText {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string'
}

export function resolveText(t: TFunction, text: string | UiText): string {
  if (typeof text === 'string') return text
  if (!text.params) return t(text.key)
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(text.params)) params[name] = typeof value === 'object' ? resolveText(t, value) : value
  return t(text.key, params)
}
