// The objective language (docs/lessons.md, "Objectives"): small predicates over the simulation's report, never
// over the keystrokes typed, so any path that reaches the state passes.
//
//   instance web is running with limits.memoryMb <= 256
//   container web has exitCode = 137 and oomKilled = true
//   vm ubuntu has startupMs >= 5000
//   host container-host is up            host vm-host has breachedBy = null
//   count containers running on container-host >= 3
//   image recommender:1.0 exists         image legacy-analytics:1.0 on legacy exists with sizeMb < 100
//   event container.oomKilled for web happened
//   client has location = laptop-macos and dockerHost contains ssh://
//
// Clauses combine with `and`. `parseObjective` never throws: it returns an AST or an error with the column and
// what was expected there. `evaluateObjective` returns pass/fail and, per clause, why ("web is running, but with
// no memory limit (limits.memoryMb is null)"; "no instance named web").
import type { Report, ReportHost, ReportInstance } from '../sim/index.ts'
import { EMPTY_WORLD_VIEW, type ImageView, type WorldView } from './worldView.ts'
import { EN, type Phrasebook } from './phrases.ts'

// ---------------------------------------------------------------------------------------------------- the AST

export type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains'
export type Literal =
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'text'; value: string; raw: string }
  | { kind: 'boolean'; value: boolean; raw: string }
  | { kind: 'null'; value: null; raw: string }

export interface Condition { path: string; op: Op; value: Literal; column: number }

export type Clause = { text: string; column: number } & (
  | { type: 'instance'; kind: 'instance' | 'vm' | 'container'; scope: string | null; name: string
      test: { kind: 'is'; state: string; negated: boolean } | { kind: 'has' } | { kind: 'exists'; negated: boolean }
      conditions: Condition[] }
  | { type: 'host'; name: string; test: { kind: 'is'; state: string; negated: boolean } | { kind: 'has' }; conditions: Condition[] }
  | { type: 'client'; conditions: Condition[] }
  | { type: 'count'; what: 'instances' | 'vms' | 'containers'; state: string | null; on: string | null; conditions: Condition[]; op: Op; value: number }
  | { type: 'image'; ref: string; on: string | null; exists: boolean; conditions: Condition[] }
  | { type: 'event'; eventType: string; subject: string | null; happened: boolean }
)

export interface Objective { source: string; clauses: Clause[] }

export interface ParseError {
  /** 1-based column in the source text */
  column: number
  /** what the parser could accept there */
  expected: string[]
  /** the text it found instead ('' at the end) */
  found: string
  /** one line for people: "column 17: expected a state (…), found 'runing' (did you mean 'running'?)" */
  message: string
}

export type ParseResult = { ok: true; objective: Objective } | { ok: false; error: ParseError }

// -------------------------------------------------------------------------------------------- the vocabulary

export const INSTANCE_STATES = ['created', 'starting', 'running', 'paused', 'stopping', 'restarting', 'exited', 'crashed', 'stopped'] as const
export const HOST_STATES = ['up', 'panicked', 'rebooting', 'off'] as const
export const MAX_OBJECTIVE_LENGTH = 1000

type FieldType = 'number' | 'text' | 'boolean' | 'list'
export interface FieldInfo {
  type: FieldType
  nullable: boolean
  /** what a null means, as a noun: "memory limit" → "with no memory limit (limits.memoryMb is null)" */
  noun?: string
  doc: string
}

const f = (type: FieldType, doc: string, nullable = false, noun?: string): FieldInfo => ({ type, nullable, doc, ...(noun && { noun }) })

/** Fields of `instance`/`vm`/`container` (the report's `instances[]`), plus `phases.NAME` and `env.KEY`. */
export const INSTANCE_FIELDS: Readonly<Record<string, FieldInfo>> = {
  kind: f('text', 'vm or container'),
  name: f('text', 'its name'),
  host: f('text', 'the physical host it runs on'),
  parent: f('text', 'the VM a container runs in, if any', true, 'parent VM'),
  image: f('text', "a container's image (repo:tag)", true, 'image'),
  os: f('text', "a VM's guest OS", true, 'guest OS'),
  kernel: f('text', 'the kernel it runs on (its own for a VM, the shared one for a container)'),
  state: f('text', INSTANCE_STATES.join('|')),
  startupMs: f('number', 'how long the latest start took, in ms', true, 'startup time (it has not finished starting)'),
  cpuPercent: f('number', 'CPU use, 100 = one core (as docker stats)'),
  memoryMb: f('number', 'memory in MiB (a container: its cgroup usage; a VM: its guest RAM)'),
  overheadMb: f('number', 'host-side fixed cost beside it, MiB'),
  diskMb: f('number', "a container's writable layer or a VM's disk use, MiB"),
  'limits.memoryMb': f('number', 'memory limit in MiB (docker run --memory; a VM: its RAM)', true, 'memory limit'),
  'limits.cpus': f('number', 'CPU limit in cores (docker run --cpus; a VM: its vCPUs)', true, 'CPU limit'),
  'limits.pids': f('number', 'pids limit (docker run --pids-limit)', true, 'pids limit'),
  restartPolicy: f('text', 'no|on-failure|always|unless-stopped', true, 'restart policy'),
  health: f('text', 'starting|healthy|unhealthy', true, 'health check'),
  ports: f('list', 'published ports as HOST:CTR, e.g. 8080:80'),
  networks: f('list', 'networks it is attached to'),
  pids: f('number', 'processes inside it'),
  exitCode: f('number', 'exit code of its main process', true, 'exit code'),
  oomKilled: f('boolean', 'killed by the OOM killer')
}

export const HOST_FIELDS: Readonly<Record<string, FieldInfo>> = {
  name: f('text', 'its name'),
  state: f('text', HOST_STATES.join('|')),
  cores: f('number', 'CPU cores'),
  memoryMb: f('number', 'RAM in MiB'),
  memoryUsedMb: f('number', 'RAM in use, MiB'),
  memoryFreeMb: f('number', 'memoryMb − memoryUsedMb (derived)'),
  kernel: f('text', 'kernel version'),
  hypervisor: f('text', 'none|esxi|hyper-v|kvm|virtualbox|vmware-workstation'),
  docker: f('boolean', 'runs the Docker engine'),
  cpuPercent: f('number', 'share of all cores in use, %'),
  diskUsedMb: f('number', 'disk in use, MiB'),
  pidsUsed: f('number', 'processes'),
  pidsMax: f('number', 'kernel.pid_max'),
  diskFull: f('boolean', 'the disk is full'),
  breachedBy: f('text', 'the instance that escaped onto it, if any', true, 'breach')
}

export const CLIENT_FIELDS: Readonly<Record<string, FieldInfo>> = {
  location: f('text', 'where the docker CLI runs: host|laptop-macos|laptop-windows|docker-desktop'),
  dockerHost: f('text', 'the DOCKER_HOST it uses', true, 'DOCKER_HOST'),
  context: f('text', 'the current docker context')
}

export const IMAGE_FIELDS: Readonly<Record<string, FieldInfo>> = {
  sizeMb: f('number', 'size of all its layers, MiB'),
  layers: f('number', 'number of layers'),
  os: f('text', 'linux|windows'),
  id: f('text', 'sha256:…')
}

function instanceField(path: string): FieldInfo | null {
  if (Object.hasOwn(INSTANCE_FIELDS, path)) return INSTANCE_FIELDS[path]!
  if (/^phases\.[a-z][a-z0-9-]*$/.test(path)) return f('number', 'ms of one start phase', true, `${path.slice(7)} phase`)
  if (/^env\.[A-Za-z_][A-Za-z0-9_]*$/.test(path)) return f('text', "a container's environment variable", true, `${path.slice(4)} variable`)
  return null
}

const lookupField = (table: Readonly<Record<string, FieldInfo>>) => (path: string): FieldInfo | null => (Object.hasOwn(table, path) ? table[path]! : null)

// -------------------------------------------------------------------------------------------------- tokens

interface Token { kind: 'word' | 'string' | 'op' | 'end'; text: string; column: number }

const OP_RE = /^(<=|>=|!=|==|=|<|>|≤|≥|≠)/
const OP_MAP: Record<string, Op> = { '<=': '<=', '>=': '>=', '!=': '!=', '==': '=', '=': '=', '<': '<', '>': '>', '≤': '<=', '≥': '>=', '≠': '!=' }

function tokenize(src: string): Token[] | ParseError {
  const tokens: Token[] = []
  let i = 0
  while (i < src.length) {
    const ch = src[i]!
    if (/\s/.test(ch)) { i++; continue }
    const column = i + 1
    const op = OP_RE.exec(src.slice(i, i + 2))
    if (op) { tokens.push({ kind: 'op', text: op[1]!, column }); i += op[1]!.length; continue }
    if (ch === '"' || ch === "'") {
      let j = i + 1
      let text = ''
      while (j < src.length && src[j] !== ch) {
        if (src[j] === '\\' && j + 1 < src.length) { text += src[j + 1]; j += 2 } else { text += src[j]; j++ }
      }
      if (j >= src.length) return err(column, ['a closing ' + ch], '', `unterminated text: add the closing ${ch}`)
      tokens.push({ kind: 'string', text, column })
      i = j + 1
      continue
    }
    let j = i
    while (j < src.length && !/\s/.test(src[j]!) && src[j] !== '"' && src[j] !== "'" && !OP_RE.test(src.slice(j, j + 2))) j++
    if (j === i) { j = i + 1 } // a lone character that starts nothing (cannot happen, kept as a guard)
    tokens.push({ kind: 'word', text: src.slice(i, j), column })
    i = j
  }
  tokens.push({ kind: 'end', text: '', column: src.length + 1 })
  return tokens
}

function err(column: number, expected: string[], found: string, extra?: string): ParseError {
  const foundText = found === '' ? 'the end' : `'${found}'`
  const message = extra
    ? `column ${column}: ${extra}`
    : `column ${column}: expected ${expected.length > 1 ? expected.slice(0, -1).join(', ') + ' or ' + expected[expected.length - 1] : expected[0]}, found ${foundText}`
  return { column, expected, found, message }
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99
  const row = Array.from({ length: b.length + 1 }, (_, k) => k)
  for (let x = 1; x <= a.length; x++) {
    let prev = row[0]!
    row[0] = x
    for (let y = 1; y <= b.length; y++) {
      const tmp = row[y]!
      row[y] = Math.min(row[y]! + 1, row[y - 1]! + 1, prev + (a[x - 1] === b[y - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}

function suggest(word: string, options: readonly string[]): string {
  let best: string | null = null
  let bestD = 3
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase())
    if (d < bestD) { best = o; bestD = d }
  }
  return best ? ` (did you mean '${best}'?)` : ''
}

// -------------------------------------------------------------------------------------------------- parser

class Fail {
  constructor(readonly error: ParseError) {}
}

const SUBJECTS = ['instance', 'vm', 'container', 'host', 'client', 'count', 'image', 'event']
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const REF_RE = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]*:)?[A-Za-z0-9][A-Za-z0-9_.-]*$/
const IMAGE_RE = /^[a-z0-9][a-z0-9._\-/]*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/
const EVENT_RE = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/

/** Parse an objective. Never throws. */
export function parseObjective(source: string): ParseResult {
  if (typeof source !== 'string') return { ok: false, error: err(1, ['text'], '', 'an objective must be text') }
  if (source.length > MAX_OBJECTIVE_LENGTH) return { ok: false, error: err(MAX_OBJECTIVE_LENGTH + 1, ['a shorter objective'], '', `the objective is too long (${source.length} characters; at most ${MAX_OBJECTIVE_LENGTH})`) }
  const tokens = tokenize(source)
  if (!Array.isArray(tokens)) return { ok: false, error: tokens }
  let pos = 0
  const peek = (k = 0): Token => tokens[Math.min(pos + k, tokens.length - 1)]!
  const next = (): Token => tokens[Math.min(pos++, tokens.length - 1)]!
  const fail = (t: Token, expected: string[], hint = ''): never => {
    const e = err(t.column, expected, t.text)
    throw new Fail(hint ? { ...e, message: e.message + hint } : e)
  }
  const isWord = (t: Token, w: string): boolean => t.kind === 'word' && t.text === w
  const expectWord = (w: string, alternatives: string[] = []): Token => {
    const t = next()
    if (!isWord(t, w)) fail(t, [`'${w}'`, ...alternatives], t.kind === 'word' ? suggest(t.text, [w]) : '')
    return t
  }
  const name = (what: string, re: RegExp): Token => {
    const t = next()
    if ((t.kind !== 'word' && t.kind !== 'string') || !re.test(t.text)) fail(t, [what])
    return t
  }

  const literal = (field: FieldInfo, path: string): Literal => {
    const t = next()
    if (t.kind !== 'word' && t.kind !== 'string') fail(t, [valueWanted(field)])
    if (t.kind === 'word' && t.text === 'null') {
      if (!field.nullable) fail(t, [valueWanted(field)], ` (${path} is never null)`)
      return { kind: 'null', value: null, raw: 'null' }
    }
    if (field.type === 'number') {
      const n = t.kind === 'word' && /^-?\d+(\.\d+)?$/.test(t.text) ? Number(t.text) : NaN
      if (!Number.isFinite(n)) fail(t, ['a number'], ` (${path} is a number)`)
      return { kind: 'number', value: n, raw: t.text }
    }
    if (field.type === 'boolean') {
      if (t.text !== 'true' && t.text !== 'false') fail(t, ["'true'", "'false'"])
      return { kind: 'boolean', value: t.text === 'true', raw: t.text }
    }
    return { kind: 'text', value: t.text, raw: t.text }
  }

  const condition = (fields: (p: string) => FieldInfo | null, known: readonly string[]): Condition => {
    const t = next()
    if (t.kind !== 'word') fail(t, ['a field such as ' + known.slice(0, 3).join(', ')])
    const field = fields(t.text)
    if (!field) fail(t, ['a field (' + known.join(', ') + ')'], suggest(t.text, known))
    const o = next()
    const op: Op | undefined = o.kind === 'op' ? OP_MAP[o.text] : isWord(o, 'contains') ? 'contains' : undefined
    if (!op) fail(o, opsFor(field!))
    if (!opsFor(field!).includes(`'${op!}'`)) fail(o, opsFor(field!), ` (${t.text} is ${field!.type === 'list' ? 'a list' : field!.type === 'text' ? 'text' : field!.type === 'boolean' ? 'true or false' : 'a number'})`)
    const value = literal(field!, t.text)
    if (value.kind === 'null' && op !== '=' && op !== '!=') fail(o, ["'='", "'!='"], ' (only = null and != null compare with null)')
    return { path: t.text, op: op!, value, column: t.column }
  }
  /** after `with`/`has`: conditions joined by `and` while the word after `and` is a field followed by an operator */
  const conditions = (fields: (p: string) => FieldInfo | null, known: readonly string[]): Condition[] => {
    const out = [condition(fields, known)]
    while (isWord(peek(), 'and') && peek(1).kind === 'word' && (peek(2).kind === 'op' || isWord(peek(2), 'contains'))) {
      next()
      out.push(condition(fields, known))
    }
    return out
  }

  const clause = (): Clause => {
    const start = peek()
    const head = next()
    const column = start.column
    if (head.kind !== 'word' || !SUBJECTS.includes(head.text)) {
      fail(head, ['instance', 'vm', 'container', 'host', 'client', 'count', 'image', 'event'].map((s) => `'${s}'`), head.kind === 'word' ? suggest(head.text, SUBJECTS) : '')
    }
    switch (head.text) {
      case 'instance': case 'vm': case 'container': {
        const ref = name(`the name of ${head.text === 'vm' ? 'a VM' : head.text === 'container' ? 'a container' : 'an instance'} (e.g. web, or HOST:web)`, REF_RE)
        const colon = ref.text.indexOf(':')
        const scope = colon > 0 ? ref.text.slice(0, colon) : null
        const nm = colon > 0 ? ref.text.slice(colon + 1) : ref.text
        const kind = head.text as 'instance' | 'vm' | 'container'
        const known = Object.keys(INSTANCE_FIELDS)
        const verb = next()
        if (isWord(verb, 'is')) {
          const negated = isWord(peek(), 'not')
          if (negated) next()
          const st = next()
          if (st.kind !== 'word' || !(INSTANCE_STATES as readonly string[]).includes(st.text)) fail(st, [`a state (${INSTANCE_STATES.join(', ')})`], st.kind === 'word' ? suggest(st.text, INSTANCE_STATES) : '')
          let conds: Condition[] = []
          if (isWord(peek(), 'with')) { next(); conds = conditions(instanceField, known) }
          return { type: 'instance', kind, scope, name: nm, test: { kind: 'is', state: st.text, negated }, conditions: conds, text: '', column }
        }
        if (isWord(verb, 'has')) return { type: 'instance', kind, scope, name: nm, test: { kind: 'has' }, conditions: conditions(instanceField, known), text: '', column }
        if (isWord(verb, 'exists')) return { type: 'instance', kind, scope, name: nm, test: { kind: 'exists', negated: false }, conditions: [], text: '', column }
        if (isWord(verb, 'does')) {
          expectWord('not'); expectWord('exist')
          return { type: 'instance', kind, scope, name: nm, test: { kind: 'exists', negated: true }, conditions: [], text: '', column }
        }
        return fail(verb, ["'is'", "'has'", "'exists'", "'does not exist'"], verb.kind === 'word' ? suggest(verb.text, ['is', 'has', 'exists']) : '')
      }
      case 'host': {
        const h = name('a host name (e.g. vm-host)', NAME_RE)
        const known = Object.keys(HOST_FIELDS)
        const verb = next()
        if (isWord(verb, 'is')) {
          const negated = isWord(peek(), 'not')
          if (negated) next()
          const st = next()
          if (st.kind !== 'word' || !(HOST_STATES as readonly string[]).includes(st.text)) fail(st, [`a host state (${HOST_STATES.join(', ')})`], st.kind === 'word' ? suggest(st.text, HOST_STATES) : '')
          let conds: Condition[] = []
          if (isWord(peek(), 'with')) { next(); conds = conditions(lookupField(HOST_FIELDS), known) }
          return { type: 'host', name: h.text, test: { kind: 'is', state: st.text, negated }, conditions: conds, text: '', column }
        }
        if (isWord(verb, 'has')) return { type: 'host', name: h.text, test: { kind: 'has' }, conditions: conditions(lookupField(HOST_FIELDS), known), text: '', column }
        return fail(verb, ["'is'", "'has'"])
      }
      case 'client': {
        expectWord('has')
        return { type: 'client', conditions: conditions(lookupField(CLIENT_FIELDS), Object.keys(CLIENT_FIELDS)), text: '', column }
      }
      case 'count': {
        const w = next()
        if (w.kind !== 'word' || !['instances', 'vms', 'containers'].includes(w.text)) fail(w, ["'instances'", "'vms'", "'containers'"], w.kind === 'word' ? suggest(w.text, ['instances', 'vms', 'containers']) : '')
        let state: string | null = null
        let on: string | null = null
        if (peek().kind === 'word' && (INSTANCE_STATES as readonly string[]).includes(peek().text)) state = next().text
        if (isWord(peek(), 'on')) { next(); on = name('a host or VM name', NAME_RE).text }
        let conds: Condition[] = []
        if (isWord(peek(), 'with')) { next(); conds = conditions(instanceField, Object.keys(INSTANCE_FIELDS)) }
        const o = next()
        const op = o.kind === 'op' ? OP_MAP[o.text] : undefined
        if (!op) fail(o, state === null && on === null && conds.length === 0 ? [`a state (${INSTANCE_STATES.join(', ')})`, "'on'", "'with'", 'a comparison (>= 3)'] : ["'with'", 'a comparison such as >= 3'], o.kind === 'word' ? suggest(o.text, INSTANCE_STATES) : '')
        const n = next()
        if (n.kind !== 'word' || !/^\d+$/.test(n.text)) fail(n, ['a whole number'])
        return { type: 'count', what: w.text as 'instances' | 'vms' | 'containers', state, on, conditions: conds, op: op!, value: Number(n.text), text: '', column }
      }
      case 'image': {
        const ref = name('an image reference (e.g. recommender:1.0)', IMAGE_RE)
        let on: string | null = null
        if (isWord(peek(), 'on')) { next(); on = name('a host or VM name', NAME_RE).text }
        const verb = next()
        if (isWord(verb, 'exists')) {
          let conds: Condition[] = []
          if (isWord(peek(), 'with')) { next(); conds = conditions(lookupField(IMAGE_FIELDS), Object.keys(IMAGE_FIELDS)) }
          return { type: 'image', ref: normalizeImageRef(ref.text), on, exists: true, conditions: conds, text: '', column }
        }
        if (isWord(verb, 'does')) {
          expectWord('not'); expectWord('exist')
          return { type: 'image', ref: normalizeImageRef(ref.text), on, exists: false, conditions: [], text: '', column }
        }
        return fail(verb, on === null ? ["'exists'", "'does not exist'", "'on'"] : ["'exists'", "'does not exist'"])
      }
      default: { // event
        const type = name('an event type (e.g. container.oomKilled)', EVENT_RE)
        let subject: string | null = null
        if (isWord(peek(), 'for')) { next(); subject = name('a name', NAME_RE).text }
        const verb = next()
        if (isWord(verb, 'happened')) return { type: 'event', eventType: type.text, subject, happened: true, text: '', column }
        if (isWord(verb, 'did')) {
          expectWord('not'); expectWord('happen')
          return { type: 'event', eventType: type.text, subject, happened: false, text: '', column }
        }
        return fail(verb, subject === null ? ["'happened'", "'did not happen'", "'for'"] : ["'happened'", "'did not happen'"])
      }
    }
  }

  try {
    if (peek().kind === 'end') fail(peek(), ['an objective such as "instance web is running"'])
    const clauses: Clause[] = []
    for (;;) {
      const startTok = peek()
      const c = clause()
      const endCol = peek().kind === 'end' ? source.length + 1 : peek().column
      c.text = source.slice(startTok.column - 1, endCol - 1).trim().replace(/\s+and$/, '')
      clauses.push(c)
      const t = next()
      if (t.kind === 'end') break
      if (!isWord(t, 'and')) fail(t, ["'and'", 'the end'], t.kind === 'word' ? suggest(t.text, ['and', 'with']) : '')
    }
    return { ok: true, objective: { source, clauses } }
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error }
    throw e
  }
}

function valueWanted(field: FieldInfo): string {
  const base = field.type === 'number' ? 'a number' : field.type === 'boolean' ? "'true' or 'false'" : 'a value'
  return field.nullable ? `${base} or 'null'` : base
}

function opsFor(field: FieldInfo): string[] {
  if (field.type === 'number') return ["'='", "'!='", "'<'", "'<='", "'>'", "'>='"]
  if (field.type === 'list') return ["'contains'"]
  if (field.type === 'boolean') return ["'='", "'!='"]
  return ["'='", "'!='", "'contains'"]
}

/** `nginx` → `nginx:latest`, `docker.io/library/nginx:1.27` → `nginx:1.27`, as docker names images. */
export function normalizeImageRef(ref: string): string {
  const r = ref.trim().replace(/^docker\.io\//, '').replace(/^index\.docker\.io\//, '').replace(/^library\//, '')
  return r.lastIndexOf(':') > r.lastIndexOf('/') ? r : `${r}:latest`
}

// ----------------------------------------------------------------------------------------------- evaluation

export interface ClauseResult { text: string; pass: boolean; reason: string }
export interface ObjectiveResult { pass: boolean; reason: string; items: ClauseResult[] }

type Value = number | string | boolean | null | string[]

function fmt(v: Value, P: Phrasebook): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return v.length === 0 ? `[] (${P.none})` : `[${v.join(', ')}]`
  return String(v)
}
const litText = (l: Literal): string => (l.kind === 'text' && /\s/.test(l.raw) ? JSON.stringify(l.raw) : l.raw)

function compare(actual: Value, op: Op, lit: Literal): boolean {
  if (lit.kind === 'null') return op === '=' ? actual === null : actual !== null
  if (actual === null) return op === '!='
  if (op === 'contains') {
    if (Array.isArray(actual)) return actual.includes(String(lit.value))
    return typeof actual === 'string' && actual.includes(String(lit.value))
  }
  if (Array.isArray(actual)) return false
  if (typeof actual === 'number' && lit.kind === 'number') {
    const n = lit.value
    switch (op) {
      case '=': return actual === n
      case '!=': return actual !== n
      case '<': return actual < n
      case '<=': return actual <= n
      case '>': return actual > n
      case '>=': return actual >= n
    }
  }
  const a = String(actual)
  const b = String(lit.value)
  return op === '=' ? a === b : op === '!=' ? a !== b : false
}

interface CondOutcome { pass: boolean; passPhrase: string; withPhrase: string; hasPhrase: string }

/** One condition against one value, with the phrases a reason is built from ("limits.memoryMb is 512, not <= 256"). */
function checkCond(c: Condition, actual: Value, info: FieldInfo | null, P: Phrasebook): CondOutcome {
  const pass = compare(actual, c.op, c.value)
  if (pass) {
    const shown = `${c.path} ${c.op} ${litText(c.value)}` + (c.op === '=' || actual === null ? '' : ` (${fmt(actual, P)})`)
    return { pass, passPhrase: shown, withPhrase: shown, hasPhrase: shown }
  }
  if (actual === null && c.value.kind !== 'null' && info?.noun) {
    return { pass, passPhrase: '', withPhrase: P.withNoValue(info.noun, c.path), hasPhrase: P.hasNoValue(info.noun, c.path) }
  }
  if (c.op === 'contains' && Array.isArray(actual)) {
    return { pass, passPhrase: '', withPhrase: P.withWithout(c.path, fmt(actual, P), litText(c.value)), hasPhrase: P.hasWithout(c.path, fmt(actual, P), litText(c.value)) }
  }
  const want = c.op === '=' ? litText(c.value) : c.op === 'contains' ? P.containing(litText(c.value)) : `${c.op} ${litText(c.value)}`
  return { pass, passPhrase: '', withPhrase: P.withNot(c.path, fmt(actual, P), want), hasPhrase: P.hasNot(c.path, fmt(actual, P), want) }
}

function instanceValue(inst: ReportInstance, path: string, view: WorldView): Value {
  if (path.startsWith('phases.')) return inst.phases.find((p) => p.name === path.slice(7))?.ms ?? null
  if (path.startsWith('env.')) {
    if (inst.kind !== 'container') return null
    const env = view.containerEnv(inst.parent ?? inst.host, inst.name) ?? []
    const key = path.slice(4) + '='
    const hit = [...env].reverse().find((e) => e.startsWith(key))
    return hit === undefined ? null : hit.slice(key.length)
  }
  if (path.startsWith('limits.')) return inst.limits[path.slice(7) as 'memoryMb' | 'cpus' | 'pids']
  const v = (inst as unknown as Record<string, Value>)[path]
  return v === undefined ? null : v
}

function hostValue(h: ReportHost, path: string): Value {
  if (path === 'memoryFreeMb') return Math.round((h.memoryMb - h.memoryUsedMb) * 10) / 10
  const v = (h as unknown as Record<string, Value>)[path]
  return v === undefined ? null : v
}

function describeState(inst: ReportInstance, P: Phrasebook): string {
  const extra: string[] = []
  if (inst.exitCode !== null && (inst.state === 'exited' || inst.state === 'restarting' || inst.state === 'crashed')) extra.push(P.exitCode(inst.exitCode))
  if (inst.oomKilled) extra.push(P.oomKilled)
  return inst.state + (extra.length ? ` (${extra.join(', ')})` : '')
}

function joinPhrases(parts: string[], P: Phrasebook): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${P.and} ${parts[parts.length - 1]}`
}

function findInstances(report: Report, kind: 'instance' | 'vm' | 'container', scope: string | null, name: string): ReportInstance[] {
  return report.instances.filter((i) => i.name === name && (kind === 'instance' || i.kind === kind) && (scope === null || i.host === scope || i.parent === scope))
}

function evalClause(c: Clause, report: Report, view: WorldView, P: Phrasebook): ClauseResult {
  const join = (parts: string[]): string => joinPhrases(parts, P)
  const state = (inst: ReportInstance): string => describeState(inst, P)
  const r = (pass: boolean, reason: string): ClauseResult => ({ text: c.text, pass, reason })
  switch (c.type) {
    case 'instance': {
      const found = findInstances(report, c.kind, c.scope, c.name)
      const label = c.scope ? `${c.scope}:${c.name}` : c.name
      if (c.test.kind === 'exists') {
        if (c.test.negated) return found.length === 0 ? r(true, P.noneNamed(c.kind, label)) : r(false, P.stillExists(label, state(found[0]!)))
        return found.length > 0 ? r(true, P.exists(label, state(found[0]!))) : r(false, notFound(report, c.kind, c.scope, c.name, P))
      }
      if (found.length === 0) return r(false, notFound(report, c.kind, c.scope, c.name, P))
      if (found.length > 1) {
        const where = found.map((i) => i.parent ?? i.host)
        return r(false, P.ambiguous(found.length, c.name, join(where), where.map((w) => `${w}:${c.name}`).join(` ${P.or} `)))
      }
      const inst = found[0]!
      const outcomes = c.conditions.map((cond) => checkCond(cond, instanceValue(inst, cond.path, view), instanceField(cond.path), P))
      const failed = outcomes.filter((o) => !o.pass)
      if (c.test.kind === 'is') {
        const stateOk = c.test.negated ? inst.state !== c.test.state : inst.state === c.test.state
        if (!stateOk) {
          return r(false, c.test.negated ? P.isState(label, c.test.state) : P.isNotState(label, state(inst), c.test.state))
        }
        const stateText = c.test.negated ? P.isNotState(label, state(inst), c.test.state) : P.isState(label, c.test.state)
        if (failed.length > 0) return r(false, P.stateButNot(stateText, join(failed.map((o) => o.withPhrase))))
        return r(true, P.stateWith(stateText, join(outcomes.map((o) => o.passPhrase))))
      }
      if (failed.length > 0) return r(false, P.subjectHasNot(label, join(failed.map((o) => o.hasPhrase))))
      return r(true, P.subjectHas(label, join(outcomes.map((o) => o.passPhrase))))
    }
    case 'host': {
      const h = report.hosts.find((x) => x.name === c.name)
      if (!h) return r(false, P.noHost(c.name, report.hosts.map((x) => x.name).join(', ') || P.none))
      const outcomes = c.conditions.map((cond) => checkCond(cond, hostValue(h, cond.path), HOST_FIELDS[cond.path] ?? null, P))
      const failed = outcomes.filter((o) => !o.pass)
      if (c.test.kind === 'is') {
        const ok = c.test.negated ? h.state !== c.test.state : h.state === c.test.state
        if (!ok) return r(false, c.test.negated ? P.isState(h.name, h.state) : P.isNotState(h.name, h.state, c.test.state))
        if (failed.length) return r(false, P.stateButNot(P.isState(h.name, h.state), join(failed.map((o) => o.withPhrase))))
        return r(true, P.stateWith(P.isState(h.name, h.state), join(outcomes.map((o) => o.passPhrase))))
      }
      if (failed.length) return r(false, P.subjectHasNot(h.name, join(failed.map((o) => o.hasPhrase))))
      return r(true, P.subjectHas(h.name, join(outcomes.map((o) => o.passPhrase))))
    }
    case 'client': {
      const cl = view.client()
      const outcomes = c.conditions.map((cond) => checkCond(cond, (cl as unknown as Record<string, Value>)[cond.path] ?? null, CLIENT_FIELDS[cond.path] ?? null, P))
      const failed = outcomes.filter((o) => !o.pass)
      if (failed.length) return r(false, P.subjectHasNot(P.theCli, join(failed.map((o) => o.hasPhrase))))
      return r(true, P.subjectHas(P.theCli, join(outcomes.map((o) => o.passPhrase))))
    }
    case 'count': {
      const set = report.instances.filter((i) => (c.what === 'instances' || i.kind === (c.what === 'vms' ? 'vm' : 'container')) &&
        (c.state === null || i.state === c.state) && (c.on === null || i.host === c.on || i.parent === c.on) &&
        c.conditions.every((cond) => compare(instanceValue(i, cond.path, view), cond.op, cond.value)))
      const n = set.length
      const pass = compare(n, c.op, { kind: 'number', value: c.value, raw: String(c.value) })
      const desc = P.count(n, c.what, c.conditions.map((x) => `${x.path} ${x.op} ${litText(x.value)}`).join(` ${P.and} `), c.state, c.on)
      return r(pass, pass ? desc : P.expected(desc, c.op, c.value))
    }
    case 'image': {
      const all = view.images()
      const onDaemon = (img: ImageView): boolean => (c.on === null ? img.daemon === defaultDaemon(report) : img.daemon === c.on)
      const where = c.on ?? defaultDaemon(report)
      const hit = all.find((img) => onDaemon(img) && img.tags.includes(c.ref))
      if (!c.exists) return hit ? r(false, P.imageStillOn(c.ref, where)) : r(true, P.noImageOn(c.ref, where))
      if (!hit) {
        const has = all.filter(onDaemon).flatMap((i) => i.tags)
        const elsewhere = all.filter((img) => !onDaemon(img) && img.tags.includes(c.ref)).map((i) => i.daemon)
        return r(false, P.noImageOn(c.ref, where) + (elsewhere.length ? P.oneElsewhere(join(elsewhere)) : has.length ? P.itHas(join(has)) : P.itHasNoImages))
      }
      const outcomes = c.conditions.map((cond) => checkCond(cond, (hit as unknown as Record<string, Value>)[cond.path] ?? null, IMAGE_FIELDS[cond.path] ?? null, P))
      const failed = outcomes.filter((o) => !o.pass)
      if (failed.length) return r(false, P.imageOnBut(c.ref, where, join(failed.map((o) => o.withPhrase))))
      return r(true, P.imageOnWith(c.ref, where, join(outcomes.map((o) => o.passPhrase))))
    }
    case 'event': {
      const hits = report.events.filter((e) => e.type === c.eventType && (c.subject === null || e.subject === c.subject))
      const what = P.eventWhat(c.eventType, c.subject)
      const at = hits.length ? P.happenedAt(what, (hits[0]!.atMs / 1000).toFixed(1)) : ''
      if (c.happened) return hits.length ? r(true, at) : r(false, P.noEventYet(what))
      return hits.length ? r(false, at) : r(true, P.noEvent(what))
    }
  }
}

/** The daemon `docker …` reaches by default: container-host's, as DESIGN.md says (the first Docker host otherwise). */
function defaultDaemon(report: Report): string {
  return report.hosts.find((h) => h.name === 'container-host')?.name ?? report.hosts.find((h) => h.docker)?.name ?? 'container-host'
}

function notFound(report: Report, kind: 'instance' | 'vm' | 'container', scope: string | null, name: string, P: Phrasebook): string {
  const label = scope ? `${scope}:${name}` : name
  if (kind !== 'instance') {
    const other = findInstances(report, 'instance', scope, name)
    if (other.length > 0) return P.isAKind(label, other[0]!.kind === 'vm' ? 'vm' : 'container', kind)
  }
  if (scope !== null && findInstances(report, kind, null, name).length > 0) {
    return P.noneNamedOnElsewhere(kind, name, scope, joinPhrases(findInstances(report, kind, null, name).map((i) => i.parent ?? i.host), P))
  }
  return P.noneNamedOn(kind, name, scope)
}

/** Evaluate a parsed objective: every clause must pass. Never throws. Reasons are worded by `phrases` (English by default). */
export function evaluateObjective(objective: Objective, report: Report, view: WorldView = EMPTY_WORLD_VIEW, phrases: Phrasebook = EN): ObjectiveResult {
  const items = objective.clauses.map((c) => evalClause(c, report, view, phrases))
  const failed = items.filter((i) => !i.pass)
  return { pass: failed.length === 0, reason: (failed.length ? failed : items).map((i) => i.reason).join('; '), items }
}

/** Parse and evaluate in one go; a parse error is a failing result whose reason is the parse message. */
export function checkObjective(source: string, report: Report, view: WorldView = EMPTY_WORLD_VIEW, phrases: Phrasebook = EN): ObjectiveResult {
  const parsed = parseObjective(source)
  if (!parsed.ok) return { pass: false, reason: phrases.doesNotParse(parsed.error.message), items: [] }
  return evaluateObjective(parsed.objective, report, view, phrases)
}
