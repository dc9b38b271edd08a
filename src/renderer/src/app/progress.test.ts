import { describe, expect, it } from 'vitest'
import { ProgressStore } from './progress'
import { MemoryStorage } from '../../../../tests/support/memoryStorage'

describe('ProgressStore', () => {
  it('keeps progress per profile, across instances', () => {
    const storage = new MemoryStorage()
    const a = new ProgressStore(storage)
    expect(a.isFirstRun).toBe(true)
    a.update((p) => { p.lessons['stack-layers'] = { status: 'done', step: 5 } })
    a.switchTo('Ada')
    expect(a.isFirstRun).toBe(true)
    a.update((p) => { p.flashcards['boot-race'] = [0, 2] })
    const b = new ProgressStore(storage)
    expect(b.profile).toBe('Ada')
    expect(b.profiles).toEqual(['Ada', 'Me'])
    expect(b.current.flashcards['boot-race']).toEqual([0, 2])
    b.switchTo('Me')
    expect(b.current.lessons['stack-layers']?.status).toBe('done')
    expect(b.isFirstRun).toBe(false)
  })

  it('exports and imports a profile; a bad file changes nothing', () => {
    const from = new ProgressStore(new MemoryStorage())
    from.switchTo('Grace')
    from.update((p) => { p.ordering.push('stack-layers#vm-stack') })
    const text = from.exportText()
    const to = new ProgressStore(new MemoryStorage())
    expect(to.importText(text)).toEqual({ ok: true, profile: 'Grace' })
    expect(to.current.ordering).toEqual(['stack-layers#vm-stack'])
    const bad = to.importText(JSON.stringify({ schema: 'stacklab.progress/1', profile: 'X', progress: { lessons: { a: { status: 'maybe', step: 0 } }, flashcards: {}, ordering: [] } }))
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.message).toContain('$.progress.lessons.a.status')
    expect(to.importText('{ nope').ok).toBe(false)
    expect(to.profile).toBe('Grace')
  })

  it('reset clears only the current profile and survives damaged storage', () => {
    const storage = new MemoryStorage()
    storage.setItem('stacklab.progress', '{ damaged')
    const s = new ProgressStore(storage)
    expect(s.profile).toBe('Me')
    s.update((p) => { p.lessons['x'] = { status: 'started', step: 1 } })
    s.resetCurrent()
    expect(s.current.lessons).toEqual({})
    expect(s.isFirstRun).toBe(false)
  })
})
