// The `filters` query parameter: `{"name":{"web":true}}` (API ≥ 1.22) or the legacy `{"name":["web"]}`.

export type Filters = Map<string, string[]>

export type FiltersResult = { ok: true; filters: Filters } | { ok: false; message: string }

export function parseFilters(text: string | undefined, allowed: readonly string[]): FiltersResult {
  const filters: Filters = new Map()
  if (text === undefined || text.trim() === '') return { ok: true, filters }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: `invalid filter: ${error instanceof Error ? error.message : 'unreadable JSON'}` }
  }
  if (parsed === null) return { ok: true, filters }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, message: 'invalid filter: the filters must be a JSON object' }
  for (const [key, raw] of Object.entries(parsed as Record<string, unknown>)) {
    let values: string[]
    if (Array.isArray(raw)) values = raw.filter((v): v is string => typeof v === 'string')
    else if (typeof raw === 'object' && raw !== null) values = Object.keys(raw)
    else return { ok: false, message: `invalid filter: the values of '${key}' must be an object or an array` }
    if (!allowed.includes(key)) return { ok: false, message: `invalid filter '${key}'` }
    filters.set(key, values)
  }
  return { ok: true, filters }
}

/** Go's filters.Args.Match: an exact match, or the value read as a regular expression. */
export function regexMatch(pattern: string, source: string): boolean {
  if (pattern === source) return true
  try {
    return new RegExp(pattern).test(source)
  } catch {
    return false
  }
}

/** path.Match-style glob (`*`, `?`, `[...]`) over a whole string, as reference filters use. */
export function globMatch(pattern: string, text: string): boolean {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1)
      if (close < 0) return false
      const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\')
      re += `[${body.startsWith('^') ? '^' + body.slice(1) : body}]`
      i = close
    } else re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&')
  }
  try {
    return new RegExp(re + '$').test(text)
  } catch {
    return false
  }
}

/** Whether every filter key has at least one value that `test` accepts (keys AND, values OR). */
export function matchesAll(filters: Filters, test: (key: string, value: string) => boolean): boolean {
  for (const [key, values] of filters) {
    if (values.length === 0) continue
    if (!values.some((v) => test(key, v))) return false
  }
  return true
}

/** `key` or `key=value` against a label map. */
export function labelMatches(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=')
  if (eq < 0) return Object.prototype.hasOwnProperty.call(labels, filter)
  const key = filter.slice(0, eq)
  return Object.prototype.hasOwnProperty.call(labels, key) && labels[key] === filter.slice(eq + 1)
}
