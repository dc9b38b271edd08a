// Which command lines an exercise lets a learner run (`exercise.allowedCommands`, docs/lessons.md).
import { splitWords } from '../sim/index.ts'
import { stripComment } from '../cli/Shell.ts'
import { parseGlobals } from '../cli/dockerCli.ts'

/** Lines that change nothing a check reads, or only let time pass: allowed in every exercise. */
export const ALWAYS_ALLOWED = ['wait', 'report', 'help', 'history', 'clear'] as const

/**
 * The words a line is matched on: docker's global flags (`-H URL`, `--context NAME`) are dropped, so the prefix
 * "docker run" also allows `docker -H ssh://admin@legacy run …`.
 */
export function commandWords(line: string): string[] | null {
  const words = splitWords(stripComment(line))
  if (words === null || words.length === 0) return words
  if (words[0] === 'docker') {
    const g = parseGlobals(words.slice(1))
    if (typeof g !== 'string') return ['docker', ...g.rest]
  }
  return words
}

/** Is `line` allowed by these word prefixes? An empty line is allowed (it does nothing). */
export function commandAllowed(line: string, prefixes: readonly string[]): boolean {
  const words = commandWords(line)
  if (words === null) return false
  if (words.length === 0) return true
  if ((ALWAYS_ALLOWED as readonly string[]).includes(words[0]!)) return true
  return prefixes.some((p) => {
    const want = splitWords(p) ?? []
    return want.length > 0 && want.every((w, i) => words[i] === w)
  })
}
