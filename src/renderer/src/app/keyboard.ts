// Keyboard-first controls. Never fired while the person is typing: in the terminal, a text field, a select,
// an editable area, or a dialog; and Space is left to a focused button.
import type { SimController } from './SimController'

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .xterm, dialog[open]')) return true
  return false
}

export function installShortcuts(controller: SimController): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing) return
    if (isTypingTarget(event.target)) return
    if (document.querySelector('dialog[open]')) return
    const onButton = event.target instanceof Element && event.target.closest('button, a[href], [role="button"], summary') !== null
    if (event.altKey) {
      if (event.code === 'KeyR') {
        event.preventDefault()
        controller.resetAll()
      }
      return
    }
    switch (event.key) {
      case ' ':
        if (onButton) return
        event.preventDefault()
        controller.togglePlay()
        return
      case 'ArrowRight':
        if (event.target instanceof Element && event.target.closest('[role="tablist"], [role="listbox"]')) return
        event.preventDefault()
        controller.step()
        return
      case '+':
      case '=':
        event.preventDefault()
        controller.faster()
        return
      case '-':
      case '−':
      case '_':
        event.preventDefault()
        controller.slower()
        return
      case 'f':
      case 'F':
        event.preventDefault()
        controller.toggleFullScreen()
        return
      case 'p':
      case 'P':
        event.preventDefault()
        controller.setProjector(!controller.viewState.projector)
        return
      case '?':
        event.preventDefault()
        controller.setHelp('shortcuts')
        return
    }
  }
  window.addEventListener('keydown', onKeyDown)
  return () => window.removeEventListener('keydown', onKeyDown)
}
