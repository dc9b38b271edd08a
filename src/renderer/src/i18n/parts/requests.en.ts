// English strings of the requests area (merged into en.ts under `requests`).
export const requestsEn = {
}
