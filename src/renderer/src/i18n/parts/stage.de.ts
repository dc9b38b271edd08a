// Deutsch: the stage area (merged into de.ts under `stage`); the same keys as stage.en.ts.
export const stageDe = {
}
