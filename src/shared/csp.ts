// The one Content-Security-Policy for every Stacklab page. Main sends it as a response header and the
// renderer's index.html repeats it in a <meta> tag; a test on each side compares against this constant so
// the two can never drift. 'unsafe-inline' for styles only: React style props and Pixi's canvas need it,
// scripts never do (no eval, no inline handlers), and nothing is fetched from the network.
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'"
] as const

export const CSP: string = CSP_DIRECTIVES.join('; ')
