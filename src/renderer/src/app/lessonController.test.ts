// The lesson player's resume after a restart, without a screen: a lesson in progress goes through the autosave's
// payload (encoded, decoded, restored) into a fresh app, which rebuilds it by replaying its log. The steps the
// learner ran come back with it, so the "✓ Ran" marks and the stepper's dots survive a reload.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Platform } from '../platform/createPlatform'
import { LessonController } from './lessonController'
import { decodeSandboxSave, type LessonPart } from './sandboxSave'
import { SimController } from './SimController'
import { MemoryStorage } from '../../../../tests/support/memoryStorage'

function platform(): Platform {
  const none = async () => ({ status: 'cancelled' as const })
  return {
    kind: 'web',
    openTextFile: async () => null,
    saveTextFile: none,
    savePng: none,
    autosave: { read: async () => ({ status: 'none' }), write: async () => ({ status: 'saved', savedAt: '' }), setAside: async () => null },
    setLanguage: () => {},
    onMenuCommand: () => () => {}
  }
}

/** The little of a browser the lesson player touches: the address, storage, timers, key listeners, the root element. */
function stubBrowser(): void {
  vi.stubGlobal('window', {
    location: { search: '' },
    localStorage: new MemoryStorage(),
    setTimeout: globalThis.setTimeout.bind(globalThis),
    clearTimeout: globalThis.clearTimeout.bind(globalThis),
    addEventListener: () => {},
    removeEventListener: () => {}
  })
  vi.stubGlobal('document', { documentElement: { dataset: {}, removeAttribute: () => {} }, querySelector: () => null })
}

const opened: LessonController[] = []

function openApp(): { sim: SimController; lessons: LessonController } {
  const sim = new SimController({ platform: platform(), playing: false })
  const lessons = new LessonController(sim, platform())
  opened.push(lessons)
  return { sim, lessons }
}

/** What a restart does with the autosave's payload: decode it, restore it, let the lesson player pick the lesson up. */
async function reopenApp(payload: string): Promise<{ sim: SimController; lessons: LessonController }> {
  const decoded = decodeSandboxSave(payload)
  if (!decoded.ok) throw new Error(decoded.reason)
  const app = openApp()
  app.sim.restoreAutosave(decoded.save)
  await app.lessons.applyLaunchOptions(new URLSearchParams())
  return app
}

const reopen = async (payload: string): Promise<LessonController> => (await reopenApp(payload)).lessons

/** The payload with its lesson part changed, as an older or a hand-edited save would have it. */
function withLesson(payload: string, change: (lesson: Record<string, unknown>) => void): string {
  const save = JSON.parse(payload) as { lesson: Record<string, unknown> }
  change(save.lesson)
  return JSON.stringify(save)
}

const ranSteps = (lessons: LessonController): number[] => [...(lessons.store.getSnapshot().active?.ranSteps ?? [])].sort((x, y) => x - y)

describe('LessonController resume', () => {
  let payload = ''

  beforeEach(async () => {
    stubBrowser()
    // steps 0 and 1 of stack-layers run, then step 1 shown, as the learner left it
    const { sim, lessons } = openApp()
    await lessons.startLesson('stack-layers')
    await lessons.runStep(0)
    lessons.goToStep(1)
    await lessons.runStep(1)
    expect(ranSteps(lessons)).toEqual([0, 1])
    payload = sim.autosavePayload()
  })

  afterEach(() => {
    for (const lessons of opened.splice(0)) lessons.dispose()
    vi.unstubAllGlobals()
  })

  it('marks the steps the learner ran before the restart as run', async () => {
    expect((JSON.parse(payload) as { lesson: LessonPart }).lesson.ranSteps).toEqual([0, 1])
    const lessons = await reopen(payload)
    const active = lessons.store.getSnapshot().active
    expect(active?.lesson.id).toBe('stack-layers')
    expect(active?.stepIndex).toBe(1)
    expect(ranSteps(lessons)).toEqual([0, 1])
    // the presenter's demo opens on a step already run as revealed, not to be run again
    lessons.setPresenter({ demo: true })
    expect(lessons.store.getSnapshot().presenter.demoPhase).toBe('revealed')
  })

  it('resumes a save written before the steps run were kept with none marked', async () => {
    const lessons = await reopen(withLesson(payload, (lesson) => { delete lesson['ranSteps'] }))
    expect(lessons.store.getSnapshot().active?.stepIndex).toBe(1)
    expect(ranSteps(lessons)).toEqual([])
  })

  it('resumes the lesson when a step run is past its last step, marking only the steps it has', async () => {
    const lessons = await reopen(withLesson(payload, (lesson) => { lesson['ranSteps'] = [0, 1, 99] }))
    expect(lessons.store.getSnapshot().active?.lesson.id).toBe('stack-layers')
    expect(ranSteps(lessons)).toEqual([0, 1])
  })

  it('keeps the prediction committed before a step, so the step neither asks nor runs again', async () => {
    // step 2 of stack-layers asks for a prediction before it runs
    const before = await reopenApp(payload)
    before.lessons.goToStep(2)
    await before.lessons.commitPrediction(2, 1)
    expect(ranSteps(before.lessons)).toEqual([0, 1, 2])
    const lessons = await reopen(before.sim.autosavePayload())
    const active = lessons.store.getSnapshot().active
    expect(active?.stepIndex).toBe(2)
    expect(active?.predictions).toEqual({ 2: 1 })
    expect(ranSteps(lessons)).toEqual([0, 1, 2])
  })
})
