// `help [COMMAND]` and the "did you mean" hint for unknown words.
const TOPICS: Record<string, string> = {
  docker: 'docker run|ps|images|pull|stop|start|restart|kill|pause|unpause|rm|logs|inspect|stats|rmi|tag|exec|build|network|volume|system df|version|info|events\n  Talks to the Docker daemon over its REST API, exactly as the real CLI 28 does. Target another daemon with -H URL, DOCKER_HOST or a context.',
  vm: 'vm create NAME --os OS [--kind full|microvm] [--cpus N] [--memory SIZE] [--disk SIZE] [--host HOST] [--docker]\nvm start|stop|pause|resume|delete NAME | vm list | vm exec NAME CMD...\n  Guest OSes: ubuntu-24.04, alpine-3.20, centos-7, windows-server-2022.',
  host: 'host add NAME [--cores N] [--memory SIZE] [--disk SIZE] [--os linux|windows|macos] [--kernel X.Y] [--hypervisor none|esxi|hyper-v|kvm|virtualbox|vmware-workstation] [--docker] [--overcommit X]\nhost list | host set NAME [same flags]',
  client: 'client use host|laptop-macos|laptop-windows|docker-desktop   where the terminal\'s docker CLI runs',
  fault: 'fault panic|leak|cpu-hog|fork-bomb|disk-fill|escape TARGET [--rate SIZE/s] [--threads N]\n  Break something on purpose and see what else falls. TARGET is an instance name, or host:name.',
  checkpoint: 'checkpoint [NAME]   save the whole world',
  rewind: 'rewind [NAME]       go back to a checkpoint',
  wait: 'wait DURATION       advance virtual time, e.g. 500ms, 30s, 2m, 1m30s',
  report: 'report [--json]     the world report (stacklab.report/1)',
  export: 'export DOCKER_HOST=URL   e.g. ssh://user@container-host or tcp://container-host:2376; unset DOCKER_HOST to go back',
  history: 'history             the commands typed so far',
  clear: 'clear               clear the terminal'
}
export const HELP_TOPICS = Object.keys(TOPICS)

export function helpText(topic?: string): string {
  if (topic) {
    const t = TOPICS[topic]
    return t ? t + '\n' : `no help for "${topic}"${didYouMean(topic, HELP_TOPICS)}\n`
  }
  return ['Commands (one per line, # starts a comment):', ...HELP_TOPICS.map((k) => '  ' + TOPICS[k]!.split('\n')[0]), 'Type help COMMAND for details.'].join('\n') + '\n'
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
  }
  return d[a.length]![b.length]!
}

const TOP_LEVEL = ['docker', 'vm', 'host', 'client', 'fault', 'checkpoint', 'rewind', 'wait', 'report', 'help', 'clear', 'history', 'export', 'unset']

/** "\nDid you mean this?\n\tdocker" when a known word is close. */
export function didYouMean(word: string, candidates: string[] = TOP_LEVEL): string {
  let best: string | null = null
  let bestD = Infinity
  for (const c of candidates) {
    const dist = distance(word.toLowerCase(), c)
    if (dist < bestD) { bestD = dist; best = c }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(word.length / 3)) ? `\n\nDid you mean this?\n\t${best}` : ''
}
