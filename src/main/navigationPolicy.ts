// What the window may navigate to and who may call IPC: only pages of the origin it was opened on. Origins
// are compared through a URL parser, never with startsWith (checklist item 13: 'app://stacklab.evil'
// starts with 'app://stacklab').
import { isSameOrigin } from './origin'

export function isNavigationAllowed(targetUrl: string, appOrigin: string): boolean {
  return isSameOrigin(targetUrl, appOrigin)
}

/** An IPC message is trusted only from the top frame of our own page (checklist item 17). */
export function isTrustedSender(
  sender: { url: string; isMainFrame: boolean } | null,
  appOrigin: string
): boolean {
  return sender !== null && sender.isMainFrame && isSameOrigin(sender.url, appOrigin)
}
