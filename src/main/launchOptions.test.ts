import { describe, expect, it } from 'vitest'
import { parseLaunchOptions, withLaunchOptions } from './launchOptions'

describe('launch options', () => {
  it('read --lesson, --projector and --lang in both spellings', () => {
    expect(parseLaunchOptions(['/opt/Stacklab/stacklab', '--lesson', 'boot-race', '--projector'])).toEqual({ lesson: 'boot-race', projector: true, lang: null })
    expect(parseLaunchOptions(['x', '--lesson=kernel-panic', '--lang=de'])).toEqual({ lesson: 'kernel-panic', projector: false, lang: 'de' })
  })
  it('ignore malformed values instead of passing them to the page', () => {
    expect(parseLaunchOptions(['x', '--lesson', '../../etc', '--lang', 'deutsch'])).toEqual({ lesson: null, projector: false, lang: null })
    expect(parseLaunchOptions(['x', '--lesson'])).toEqual({ lesson: null, projector: false, lang: null })
  })
  it('become the URL parameters the web build reads', () => {
    expect(withLaunchOptions('app://stacklab/index.html', { lesson: 'boot-race', projector: true, lang: 'de' }))
      .toBe('app://stacklab/index.html?lesson=boot-race&projector=1&lang=de')
    expect(withLaunchOptions('app://stacklab/index.html', { lesson: null, projector: false, lang: null })).toBe('app://stacklab/index.html')
  })
})
