// Origins compared as scheme + host + port. Node's URL gives origin "null" for schemes it does not know
// (such as app:), so URL.origin cannot be used for our own scheme.

/** `app://stacklab` for `app://stacklab/x.js`; null when the text is not a URL with a host. */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

export function isSameOrigin(url: string, origin: string): boolean {
  const actual = originOf(url)
  return actual !== null && actual === origin
}
