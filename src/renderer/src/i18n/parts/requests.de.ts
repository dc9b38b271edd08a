// Deutsch: the requests area (merged into de.ts under `requests`); the same keys as requests.en.ts.
export const requestsDe = {
}
