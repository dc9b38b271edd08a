// English strings of the panels area (merged into en.ts under `panels`).
export const panelsEn = {
}
