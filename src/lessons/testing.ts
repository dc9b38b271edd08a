// Small, valid lesson documents for tests (here and in the lesson player's tests). Not used by the app itself.
import type { Lesson } from './schema.ts'

/** A valid lesson as plain JSON data: one step, one objective, a 3-question quiz. Override any field. */
export function minimalLessonData(over: Record<string, unknown> = {}): Record<string, unknown> {
  const q = (n: number) => ({ question: `Question ${n}?`, choices: ['yes', 'no'], answer: 0, explanation: 'Because.' })
  return {
    schema: 'stacklab.lesson/1',
    id: 'tiny',
    language: 'en',
    title: 'A tiny lesson',
    summary: 'Run one container.',
    level: 'beginner',
    minutes: 5,
    start: ['docker pull nginx:1.27'],
    steps: [{ text: 'Run web.', commands: ['docker run -d --name web nginx:1.27'],
      predict: { question: 'How fast?', choices: ['fast', 'slow'], answer: 0, explanation: 'Containers start fast.' } }],
    objectives: [{ id: 'web-up', text: 'Run web', check: 'container web is running with image = nginx:1.27' }],
    hints: [{ text: 'docker run -d --name web nginx:1.27', objective: 'web-up' }, { text: 'Wait a second.' }],
    solution: ['docker run -d --name web nginx:1.27', 'wait 1s'],
    quiz: [q(1), q(2), q(3)],
    flashcards: [{ front: 'Container?', back: 'Processes sharing a kernel.' }],
    ...over
  }
}

/** The same as a parsed Lesson (the shape `parseLessonText` returns). */
export function minimalLesson(over: Record<string, unknown> = {}): Lesson {
  return minimalLessonData(over) as unknown as Lesson
}

/** An exercise version of the minimal lesson. */
export function minimalExerciseData(over: Record<string, unknown> = {}): Record<string, unknown> {
  return minimalLessonData({
    id: 'tiny-exercise', quiz: undefined, flashcards: undefined,
    exercise: { allowedCommands: ['docker run', 'docker ps', 'docker rm'], hints: true, showMe: false, timeLimitMinutes: 10 },
    ...over
  })
}
