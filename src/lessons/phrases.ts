// The words a checker's reason is made of, per language: evaluateObjective builds "web is running, but with no
// memory limit (limits.memoryMb is null)" from these, so the lesson player can say why in the learner's language.
// Names, field paths, states (docker's own vocabulary: running, exited…), event types and figures are not
// translated: they are what the learner types. English is the reference; German is complete (a unit test walks
// every phrase of both). Parse errors stay English: they are for lesson authors, like the rest of lesson:check.

export type Kind = 'instance' | 'vm' | 'container'

export interface Phrasebook {
  language: string
  and: string
  none: string
  /** the noun of a field whose value is null ("memory limit", from FieldInfo.noun), in English: each book words it */
  // checkCond's phrases: after "with"/"but" (with*) and after a subject (has*)
  withNoValue: (noun: string, path: string) => string
  hasNoValue: (noun: string, path: string) => string
  withWithout: (path: string, actual: string, lit: string) => string
  hasWithout: (path: string, actual: string, lit: string) => string
  containing: (lit: string) => string
  withNot: (path: string, actual: string, want: string) => string
  hasNot: (path: string, actual: string, want: string) => string
  // states
  exitCode: (code: number) => string
  oomKilled: string
  // sentences
  isState: (label: string, state: string) => string
  isNotState: (label: string, state: string, want: string) => string
  noneNamed: (kind: Kind, label: string) => string
  stillExists: (label: string, state: string) => string
  exists: (label: string, state: string) => string
  ambiguous: (count: number, name: string, where: string, write: string) => string
  or: string
  /** "web is running" (isState/isNotState), then what fails or what holds */
  stateButNot: (subjectState: string, failed: string) => string
  stateWith: (subjectState: string, passed: string) => string
  subjectHasNot: (label: string, failed: string) => string
  subjectHas: (label: string, passed: string) => string
  noHost: (name: string, hosts: string) => string
  theCli: string
  count: (n: number, what: 'instances' | 'vms' | 'containers', conditions: string, state: string | null, on: string | null) => string
  expected: (desc: string, op: string, value: number) => string
  imageStillOn: (ref: string, where: string) => string
  noImageOn: (ref: string, where: string) => string
  oneElsewhere: (where: string) => string
  itHas: (tags: string) => string
  itHasNoImages: string
  imageOnBut: (ref: string, where: string, failed: string) => string
  imageOnWith: (ref: string, where: string, passed: string) => string
  eventWhat: (type: string, subject: string | null) => string
  happenedAt: (what: string, seconds: string) => string
  noEventYet: (what: string) => string
  noEvent: (what: string) => string
  isAKind: (label: string, actual: 'vm' | 'container', wanted: Kind) => string
  noneNamedOnElsewhere: (kind: Kind, name: string, scope: string, where: string) => string
  noneNamedOn: (kind: Kind, name: string, scope: string | null) => string
  doesNotParse: (message: string) => string
  // a session's refusals
  notAllowed: (line: string, allowed: string) => string
  tooLong: (line: string, hours: number) => string
  // a result's verification, per objective (the list of errors about an edited file stays English, like lesson:check)
  metAt: (at: string, reason: string) => string
  notMetOnReplay: (at: string, reason: string) => string
  clockAlreadyAt: (at: string, commands: number, clock: string) => string
  afterNextCommand: (at: string, next: string) => string
  notChecked: string
  notClaimedButHolds: (reason: string) => string
  notMet: (reason: string) => string
}

const enKind = (k: Kind): string => (k === 'vm' ? 'VM' : k)

export const EN: Phrasebook = {
  language: 'en',
  and: 'and',
  none: 'none',
  withNoValue: (noun, path) => `with no ${noun} (${path} is null)`,
  hasNoValue: (noun, path) => `has no ${noun} (${path} is null)`,
  withWithout: (path, actual, lit) => `${path} is ${actual}, without ${lit}`,
  hasWithout: (path, actual, lit) => `has ${path} ${actual}, without ${lit}`,
  containing: (lit) => `containing ${lit}`,
  withNot: (path, actual, want) => `${path} is ${actual}, not ${want}`,
  hasNot: (path, actual, want) => `has ${path} ${actual}, not ${want}`,
  exitCode: (code) => `exit code ${code}`,
  oomKilled: 'OOM-killed',
  isState: (label, state) => `${label} is ${state}`,
  isNotState: (label, state, want) => `${label} is ${state}, not ${want}`,
  noneNamed: (kind, label) => `there is no ${enKind(kind)} named ${label}`,
  stillExists: (label, state) => `${label} still exists (${state})`,
  exists: (label, state) => `${label} exists (${state})`,
  ambiguous: (count, name, where, write) => `${count} instances are named ${name} (on ${where}): write ${write}`,
  or: 'or',
  stateButNot: (subjectState, failed) => `${subjectState}, but ${failed}`,
  stateWith: (subjectState, passed) => `${subjectState}${passed ? ` with ${passed}` : ''}`,
  subjectHasNot: (label, failed) => `${label} ${failed}`,
  subjectHas: (label, passed) => `${label} has ${passed}`,
  noHost: (name, hosts) => `no host named ${name} (hosts: ${hosts})`,
  theCli: 'the docker CLI',
  count: (n, what, conditions, state, on) => {
    const noun = what === 'vms' ? ['VM', 'VMs'] : what === 'containers' ? ['container', 'containers'] : ['instance', 'instances']
    const verb = n === 1 ? 'is' : 'are'
    return `${n} ${n === 1 ? noun[0] : noun[1]}${conditions ? ` with ${conditions}` : ''} ${state ? `${verb} ${state}` : `${verb} there`}${on ? ` on ${on}` : ''}`
  },
  expected: (desc, op, value) => `${desc}, expected ${op} ${value}`,
  imageStillOn: (ref, where) => `${ref} is still on ${where}`,
  noImageOn: (ref, where) => `no image ${ref} on ${where}`,
  oneElsewhere: (where) => ` (there is one on ${where})`,
  itHas: (tags) => ` (it has ${tags})`,
  itHasNoImages: ' (it has no images)',
  imageOnBut: (ref, where, failed) => `${ref} exists on ${where}, but ${failed}`,
  imageOnWith: (ref, where, passed) => `${ref} exists on ${where}${passed ? ` with ${passed}` : ''}`,
  eventWhat: (type, subject) => `${type}${subject ? ` for ${subject}` : ''}`,
  happenedAt: (what, seconds) => `${what} happened at ${seconds} s`,
  noEventYet: (what) => `no ${what} event yet`,
  noEvent: (what) => `no ${what} event`,
  isAKind: (label, actual, wanted) => `${label} is a ${enKind(actual)}, not a ${enKind(wanted)}`,
  noneNamedOnElsewhere: (kind, name, scope, where) => `no ${enKind(kind)} named ${name} on ${scope} (there is one on ${where})`,
  noneNamedOn: (kind, name, scope) => `no ${enKind(kind)} named ${name}${scope !== null ? ` on ${scope}` : ''}`,
  doesNotParse: (message) => `the objective does not parse: ${message}`,
  notAllowed: (line, allowed) => `this exercise does not allow "${line}" (allowed: ${allowed}; wait and report always are)`,
  tooLong: (line, hours) => `"${line}" would go past ${hours} h of simulated time, the most a lesson covers`,
  metAt: (at, reason) => `met at ${at}: ${reason}`,
  notMetOnReplay: (at, reason) => `not met on replay at ${at}: ${reason}`,
  clockAlreadyAt: (at, commands, clock) => `claimed met at ${at}, but after ${commands} command(s) the clock was already at ${clock}`,
  afterNextCommand: (at, next) => `claimed met at ${at}, after the next command ran (${next})`,
  notChecked: 'not checked: the replay stopped before this point',
  notClaimedButHolds: (reason) => `not claimed, though it holds at the end of the replay (${reason})`,
  notMet: (reason) => `not met: ${reason}`
}

/** English noun → [German noun, its negation in the accusative: "hat kein Speicherlimit"] */
const DE_NOUNS: Record<string, [string, string]> = {
  'parent VM': ['übergeordnete VM', 'keine übergeordnete VM'],
  image: ['Image', 'kein Image'],
  'guest OS': ['Gastbetriebssystem', 'kein Gastbetriebssystem'],
  'startup time (it has not finished starting)': ['Startzeit (der Start ist noch nicht fertig)', 'keine Startzeit (der Start ist noch nicht fertig)'],
  'memory limit': ['Speicherlimit', 'kein Speicherlimit'],
  'CPU limit': ['CPU-Limit', 'kein CPU-Limit'],
  'pids limit': ['PID-Limit', 'kein PID-Limit'],
  'restart policy': ['Neustart-Richtlinie', 'keine Neustart-Richtlinie'],
  'health check': ['Health-Check', 'keinen Health-Check'],
  'exit code': ['Exit-Code', 'keinen Exit-Code'],
  breach: ['Ausbruch', 'keinen Ausbruch'],
  DOCKER_HOST: ['DOCKER_HOST', 'keinen DOCKER_HOST']
}
/** a kind with its article: [negated nominative, indefinite nominative] */
const DE_KINDS: Record<Kind, [string, string]> = {
  instance: ['keine Instanz', 'eine Instanz'],
  vm: ['keine VM', 'eine VM'],
  container: ['kein Container', 'ein Container']
}
export const DE_NOUN_KEYS = Object.keys(DE_NOUNS)

export const DE: Phrasebook = {
  language: 'de',
  and: 'und',
  none: 'keine',
  withNoValue: (noun, path) => `ohne ${DE_NOUNS[noun]?.[0] ?? noun} (${path} ist null)`,
  hasNoValue: (noun, path) => `hat ${DE_NOUNS[noun]?.[1] ?? `kein(e) ${noun}`} (${path} ist null)`,
  withWithout: (path, actual, lit) => `${path} ist ${actual}, ohne ${lit}`,
  hasWithout: (path, actual, lit) => `hat ${path} ${actual}, ohne ${lit}`,
  containing: (lit) => `mit ${lit}`,
  withNot: (path, actual, want) => `${path} ist ${actual}, nicht ${want}`,
  hasNot: (path, actual, want) => `hat ${path} ${actual}, nicht ${want}`,
  exitCode: (code) => `Exit-Code ${code}`,
  oomKilled: 'vom OOM-Killer beendet',
  isState: (label, state) => `${label} ist im Zustand ${state}`,
  isNotState: (label, state, want) => `${label} ist im Zustand ${state}, nicht ${want}`,
  noneNamed: (kind, label) => `es gibt ${DE_KINDS[kind][0]} namens ${label}`,
  stillExists: (label, state) => `${label} existiert noch (${state})`,
  exists: (label, state) => `${label} existiert (${state})`,
  ambiguous: (count, name, where, write) => `${count} Instanzen heißen ${name} (auf ${where}): schreib ${write}`,
  or: 'oder',
  stateButNot: (subjectState, failed) => `${subjectState}, aber ${failed}`,
  stateWith: (subjectState, passed) => `${subjectState}${passed ? `, mit ${passed}` : ''}`,
  subjectHasNot: (label, failed) => `${label} ${failed}`,
  subjectHas: (label, passed) => `${label} hat ${passed}`,
  noHost: (name, hosts) => `kein Host namens ${name} (Hosts: ${hosts})`,
  theCli: 'die Docker-CLI',
  count: (n, what, conditions, state, on) => {
    const noun = what === 'vms' ? ['VM', 'VMs'] : what === 'containers' ? ['Container', 'Container'] : ['Instanz', 'Instanzen']
    const verb = n === 1 ? 'ist' : 'sind'
    return `${n} ${n === 1 ? noun[0] : noun[1]}${conditions ? ` mit ${conditions}` : ''}${on ? ` auf ${on}` : ''} ${state ? `${verb} im Zustand ${state}` : `${verb} vorhanden`}`
  },
  expected: (desc, op, value) => `${desc}, erwartet ${op} ${value}`,
  imageStillOn: (ref, where) => `${ref} ist noch auf ${where}`,
  noImageOn: (ref, where) => `kein Image ${ref} auf ${where}`,
  oneElsewhere: (where) => ` (vorhanden auf ${where})`,
  itHas: (tags) => ` (dort gibt es ${tags})`,
  itHasNoImages: ' (dort gibt es keine Images)',
  imageOnBut: (ref, where, failed) => `${ref} existiert auf ${where}, aber ${failed}`,
  imageOnWith: (ref, where, passed) => `${ref} existiert auf ${where}${passed ? `, mit ${passed}` : ''}`,
  eventWhat: (type, subject) => `${type}${subject ? ` für ${subject}` : ''}`,
  happenedAt: (what, seconds) => `${what} geschah bei ${seconds} s`,
  noEventYet: (what) => `noch kein Ereignis ${what}`,
  noEvent: (what) => `kein Ereignis ${what}`,
  isAKind: (label, actual, wanted) => `${label} ist ${DE_KINDS[actual][1]}, ${DE_KINDS[wanted][0]}`,
  noneNamedOnElsewhere: (kind, name, scope, where) => `${DE_KINDS[kind][0]} namens ${name} auf ${scope} (vorhanden auf ${where})`,
  noneNamedOn: (kind, name, scope) => `${DE_KINDS[kind][0]} namens ${name}${scope !== null ? ` auf ${scope}` : ''}`,
  doesNotParse: (message) => `das Ziel lässt sich nicht lesen: ${message}`,
  notAllowed: (line, allowed) => `diese Übung erlaubt „${line}“ nicht (erlaubt: ${allowed}; wait und report gehen immer)`,
  tooLong: (line, hours) => `„${line}“ würde über ${hours} h simulierte Zeit hinausgehen, mehr als eine Lektion abdeckt`,
  metAt: (at, reason) => `erfüllt bei ${at}: ${reason}`,
  notMetOnReplay: (at, reason) => `beim Nachspielen bei ${at} nicht erfüllt: ${reason}`,
  clockAlreadyAt: (at, commands, clock) => `als erfüllt bei ${at} angegeben, aber nach ${commands} Befehl(en) stand die Uhr schon bei ${clock}`,
  afterNextCommand: (at, next) => `als erfüllt bei ${at} angegeben, nachdem der nächste Befehl lief (${next})`,
  notChecked: 'nicht geprüft: das Nachspielen endete vor diesem Punkt',
  notClaimedButHolds: (reason) => `nicht angegeben, gilt aber am Ende des Nachspielens (${reason})`,
  notMet: (reason) => `nicht erfüllt: ${reason}`
}

const BOOKS: Record<string, Phrasebook> = { en: EN, de: DE }

/** The phrasebook for a language code (en, de, de-AT…); English when there is none. */
export function phrasebook(language: string): Phrasebook {
  return BOOKS[language.toLowerCase().split('-')[0] ?? ''] ?? EN
}
