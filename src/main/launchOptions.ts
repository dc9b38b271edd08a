// Launch options for classroom shortcuts (`stacklab --lesson boot-race --projector`): passed to the page as the
// same URL parameters the web build reads, so one shortcut on a classroom PC opens the right lesson.
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/

export interface LaunchOptions { lesson: string | null; projector: boolean; lang: string | null }

/** Reads --lesson ID / --lesson=ID, --projector and --lang xx from argv; anything malformed is ignored. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = { lesson: null, projector: false, lang: null }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    if (flag === '--projector') options.projector = true
    else if (flag === '--lesson' || flag === '--lang') {
      const value = inline ?? argv[i + 1]
      if (inline === undefined) i++
      if (flag === '--lesson' && value !== undefined && LESSON_ID.test(value)) options.lesson = value
      if (flag === '--lang' && value !== undefined && /^[a-z]{2}$/.test(value)) options.lang = value
    }
  }
  return options
}

/** The entry URL with the options as query parameters (only the ones that were given). */
export function withLaunchOptions(url: string, options: LaunchOptions): string {
  if (!options.lesson && !options.projector && !options.lang) return url
  const parsed = new URL(url)
  if (options.lesson) parsed.searchParams.set('lesson', options.lesson)
  if (options.projector) parsed.searchParams.set('projector', '1')
  if (options.lang) parsed.searchParams.set('lang', options.lang)
  return parsed.toString()
}
