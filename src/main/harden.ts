// Applies the pure policies (navigationPolicy, cspHeaders) to Electron objects. Called for every
// webContents the app creates, so a window added later is covered without remembering to.
import type { Session, WebContents } from 'electron'
import { cspForResponse, withCspHeader } from './cspHeaders'
import { isNavigationAllowed } from './navigationPolicy'
import type { RendererEntry } from './rendererEntry'

export function hardenWebContents(contents: WebContents, entry: RendererEntry, log: (message: string) => void): void {
  // checklist 14: no pop-ups; links a lesson wants opened externally will go through a vetted IPC call
  contents.setWindowOpenHandler(({ url }) => {
    log(`[security] blocked window.open(${url})`)
    return { action: 'deny' }
  })
  // checklist 13: will-frame-navigate also covers subframes, which will-navigate does not
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url, entry.origin)) {
      log(`[security] blocked navigation to ${event.url}`)
      event.preventDefault()
    }
  })
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, entry.origin)) {
      log(`[security] blocked redirect to ${event.url}`)
      event.preventDefault()
    }
  })
  // checklist 12: the app has no <webview>; refuse any attempt to attach one
  contents.on('will-attach-webview', (event) => {
    log('[security] blocked a <webview>')
    event.preventDefault()
  })
}

export function hardenSession(target: Session, entry: RendererEntry): void {
  // checklist 5: Electron grants every permission by default; Stacklab needs none
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  // checklist 7: the CSP header, kept identical to the renderer's meta tag (both come from shared/csp.ts)
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, cspForResponse(details.url, entry)) })
  })
}
