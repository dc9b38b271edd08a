// Formats shared by the panels. Numbers follow the UI language (2,435 ms in English, 2.435 ms in German).
import { SOURCES } from '../../../sim/index.ts'
import type { FigureSource } from './types'
import { currentLanguage, t } from '../i18n'

/** "t = 1:02.3" — virtual time as minutes:seconds.tenths. */
export function formatClock(ms: number): string {
  const totalTenths = Math.floor(ms / 100)
  const tenths = totalTenths % 10
  const seconds = Math.floor(totalTenths / 10) % 60
  const minutes = Math.floor(totalTenths / 600)
  return `${minutes}:${String(seconds).padStart(2, '0')}.${tenths}`
}

/** The locale numbers and times are written in: the UI language's. */
export function uiLocale(): string {
  return currentLanguage() === 'de' ? 'de-DE' : 'en-US'
}

export function formatNumber(n: number): string {
  return n.toLocaleString(uiLocale())
}

export function formatMs(ms: number): string {
  return `${formatNumber(Math.round(ms))} ms`
}

export function formatMb(mb: number): string {
  if (mb >= 1024) return `${(mb / 1024).toFixed(mb >= 10 * 1024 ? 0 : 1)} GiB`
  return `${mb.toFixed(mb >= 100 ? 0 : 1)} MiB`
}

/** A figure's source in a few words: a citation, "model assumption", "simulated now" or "your setting". */
export function sourceLabel(source: FigureSource): string {
  return t(`panels.source.${source}`, { defaultValue: source })
}

/** A figure's source in full (the badge's tooltip). */
export function sourceTitle(source: FigureSource): string {
  return t(`panels.sourceTitle.${source}`, { defaultValue: (SOURCES as Partial<Record<string, string>>)[source] ?? source })
}

/** A start phase's name (the catalog's vmm-init, runc-start…); an unknown one is shown as it is. */
export function phaseLabel(name: string): string {
  return t(`panels.phase.${name}`, { defaultValue: name })
}

/** An instance's or host's state in words (the raw value stays in data attributes and filters). */
export function stateLabel(state: string): string {
  return state ? t(`state.${state}`, { defaultValue: state }) : state
}
