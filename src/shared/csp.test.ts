import { describe, expect, it } from 'vitest'
import { CSP } from './csp'

describe('CSP', () => {
  it('is exactly the policy the renderer meta tag must carry', () => {
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
    )
  })

  it('allows no eval, no inline script and no remote origin', () => {
    const scriptSrc = CSP.split('; ').find((directive) => directive.startsWith('script-src '))
    expect(scriptSrc).toBe("script-src 'self'")
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/)
  })
})
