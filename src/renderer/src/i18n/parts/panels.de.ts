// Deutsch: the panels area (merged into de.ts under `panels`); the same keys as panels.en.ts.
export const panelsDe = {
}
