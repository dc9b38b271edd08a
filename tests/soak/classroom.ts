// One "lesson" of simulated classroom use, as command lines: pull, run a few containers, boot a VM (the soak adds
// one of each through the dialogs), checkpoint, break something, rewind, then clean up so the sandbox is back where it started (images and logs aside).
// Round r uses its own names, so nothing depends on the previous round having gone well.

const FAULTS = [
  (n: number) => `fault panic web${n}`,
  (n: number) => `fault leak cache${n} --rate 40MB/s`,
  (n: number) => `fault cpu-hog vm${n}`,
  (n: number) => `fault fork-bomb web${n}`,
  (n: number) => `fault disk-fill cache${n} --rate 50MB/s`,
  (n: number) => `fault escape web${n}`
]

/** The lines that bring a lesson up (before the checkpoint). */
export function lessonUp(n: number): string[] {
  return [
    'docker pull nginx:1.27',
    'docker pull redis:7',
    `docker run -d --name web${n} -p ${8000 + (n % 1000)}:80 nginx:1.27`,
    `docker run -d --name cache${n} -m 256m redis:7`,
    `docker run --name job${n} alpine:3.20 echo hello`,
    `vm create vm${n} --os alpine-3.20 --memory 512m`,
    `vm start vm${n}`,
    'wait 30s',
    'docker ps -a'
  ]
}

/** Checkpoint, break something, look, rewind. */
export function lessonFault(n: number): string[] {
  return ['checkpoint lesson', FAULTS[n % FAULTS.length]!(n), 'wait 10s', 'report', 'rewind lesson', 'wait 2s']
}

/** Remove everything the lesson made. */
export function lessonDown(n: number): string[] {
  return [`docker rm -f web${n} cache${n} job${n}`, `vm stop vm${n}`, 'wait 10s', `vm delete vm${n}`, 'wait 1s']
}
