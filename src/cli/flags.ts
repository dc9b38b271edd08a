// pflag-style parsing as the docker CLI does it: --long, --long=value, -s value, -svalue, combined -dit, and for
// run/exec/create the first positional word ends the flags (the rest is the command).

export interface FlagDef { long: string; short?: string; kind: 'bool' | 'value' | 'list' }

export interface ParsedFlags { values: Record<string, string | boolean | string[]>; args: string[] }

export class FlagError extends Error {}

export function parseFlags(words: string[], defs: FlagDef[], stopAtFirstArg: boolean, command: string): ParsedFlags {
  const values: Record<string, string | boolean | string[]> = {}
  const args: string[] = []
  const byLong = new Map(defs.map((d) => [d.long, d]))
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]))
  const set = (def: FlagDef, value: string | boolean) => {
    if (def.kind === 'list') values[def.long] = [...((values[def.long] as string[] | undefined) ?? []), String(value)]
    else values[def.long] = value
  }
  const unknown = (flag: string) => new FlagError(`unknown ${flag.startsWith('--') ? 'flag' : 'shorthand flag'}: ${flag.startsWith('--') ? flag : `'${flag[1]}' in ${flag}`}\nSee 'docker ${command} --help'.`)
  const needs = (flag: string) => new FlagError(`flag needs an argument: ${flag}\nSee 'docker ${command} --help'.`)
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w === '--') { args.push(...words.slice(i + 1)); break }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=')
      const name = eq > 0 ? w.slice(2, eq) : w.slice(2)
      const def = byLong.get(name)
      if (!def) throw unknown(eq > 0 ? w.slice(0, eq) : w)
      if (def.kind === 'bool') {
        const v = eq > 0 ? w.slice(eq + 1) : 'true'
        if (v !== 'true' && v !== 'false') throw new FlagError(`invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax\nSee 'docker ${command} --help'.`)
        set(def, v === 'true')
      } else {
        const v = eq > 0 ? w.slice(eq + 1) : words[++i]
        if (v === undefined) throw needs(`--${name}`)
        set(def, v)
      }
      continue
    }
    if (w.startsWith('-') && w.length > 1) {
      for (let k = 1; k < w.length; k++) {
        const def = byShort.get(w[k]!)
        if (!def) throw unknown(w)
        if (def.kind === 'bool') { set(def, true); continue }
        const rest = w.slice(k + 1)
        const v = rest ? rest.replace(/^=/, '') : words[++i]
        if (v === undefined) throw needs(`-${w[k]}`)
        set(def, v)
        break
      }
      continue
    }
    args.push(w)
    if (stopAtFirstArg) { args.push(...words.slice(i + 1)); break }
  }
  return { values, args }
}

export const str = (v: string | boolean | string[] | undefined): string | undefined => (typeof v === 'string' ? v : undefined)
export const list = (v: string | boolean | string[] | undefined): string[] => (Array.isArray(v) ? v : [])
export const bool = (v: string | boolean | string[] | undefined): boolean => v === true
