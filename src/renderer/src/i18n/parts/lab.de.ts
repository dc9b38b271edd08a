// Deutsch: the lab area (merged into de.ts under `lab`); the same keys as lab.en.ts.
export const labDe = {
}
