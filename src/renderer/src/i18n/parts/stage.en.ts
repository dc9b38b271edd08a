// English strings of the stage area (merged into en.ts under `stage`).
export const stageEn = {
}
