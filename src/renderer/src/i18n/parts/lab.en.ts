// English strings of the lab area (merged into en.ts under `lab`).
export const labEn = {
}
