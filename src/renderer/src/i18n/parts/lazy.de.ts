// Deutsch: what shows while a part of the UI loads on demand (merged into de.ts under `lazy`); the same keys as
// lazy.en.ts.
export const lazyDe = {
  chart: 'Das Diagramm wird geladen…',
  editor: 'Der Editor wird geladen…',
  terminal: 'Das Terminal wird geladen…',
  failed: 'Dieser Teil konnte nicht geladen werden ({{message}}). Lade die Seite neu, um es noch einmal zu versuchen.'
}
