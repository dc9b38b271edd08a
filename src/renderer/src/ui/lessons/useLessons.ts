// React access to the lesson player: its actions through context, its snapshot through a selector.
import { createContext, useContext } from 'react'
import type { LessonActions, LessonSnapshot } from './lessonTypes'
import { shallowEqual, useStoreSelector } from '../useController'

export const LessonsContext = createContext<LessonActions | null>(null)

export function useLessons(): LessonActions {
  const lessons = useContext(LessonsContext)
  if (!lessons) throw new Error('useLessons outside LessonsContext')
  return lessons
}

/** null outside a LessonsContext (the panels still render in tests that mount pieces alone) */
export function useOptionalLessons(): LessonActions | null {
  return useContext(LessonsContext)
}

export function useLessonSnapshot<T>(select: (snapshot: LessonSnapshot) => T, isEqual: (a: T, b: T) => boolean = shallowEqual): T {
  return useStoreSelector(useLessons().store, select, isEqual)
}
