// The daemon operations the Engine API handler (src/engine-api) calls; one import surface for it.
export { resolveContainer, createContainer, startContainer, stopContainer, killContainer, pauseContainer, unpauseContainer,
  restartContainer, removeContainer, renameContainer, argvOf, listensOn, exitContainer, type CreateSpec } from './containers.ts'
export { planPull, startPull, pullProgressLines, removeImage, tagImage, findInRegistry, addImage, imageFromSpec, type PullPlan } from './images.ts'
export { normalizeRef, splitRef, resolveImage, shortId, imageSizeMb, fullyQualified, isValidRef, remoteName } from './imageRefs.ts'
export { createNetwork, removeNetwork, resolveNetwork, createVolume, removeVolume } from './networksVolumes.ts'
export { createExec, startExec } from './execs.ts'
export { planBuild, startBuild, parseDockerfile, type BuildPlan } from './build.ts'
export { resolveDaemonTarget, effectiveHostUrl, type TargetResult } from './daemonTarget.ts'
export { imageLayersMb } from '../resources/disk.ts'
export { kernelOfDaemon, physicalHostOf, vmOfDaemon, daemonIsUp } from '../lookup.ts'
export type { EngineResult } from './engineResult.ts'
