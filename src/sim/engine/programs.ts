// What a container's command does when it starts: a long-running service, a script that ends, or nothing
// runnable (the runtime's "executable file not found").
import { SERVICES } from '../catalog/images.ts'
import { LEGACY_MODULE_KERNEL } from '../catalog/projects.ts'
import { isShellCommand } from './shell.ts'
import { sameKernelLine } from '../lookup.ts'

export type Program =
  | { kind: 'service'; service: string }
  | { kind: 'shell'; argv: string[] }
  | { kind: 'fixed'; stdout: string; stderr: string; exitCode: number }
  | { kind: 'notFound'; executable: string }

const HELLO = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.
`

const base = (path: string): string => path.split('/').pop() ?? path

export function programFor(argv: string[], kernel: string, interactive: boolean): Program {
  const exe = argv[0] ?? ''
  const name = base(exe)
  if (name === 'hello') return { kind: 'fixed', stdout: HELLO, stderr: '', exitCode: 0 }
  if (name === 'analytics') {
    if (sameKernelLine(kernel, LEGACY_MODULE_KERNEL)) return { kind: 'service', service: 'analytics' }
    return {
      kind: 'fixed', stdout: 'analytics 2.3 starting: loading kernel module analytics.ko\n', exitCode: 1,
      stderr: `modprobe: ERROR: could not insert 'analytics': Exec format error\n` +
        `analytics.ko was built for kernel ${LEGACY_MODULE_KERNEL}.0-1160.el7.x86_64 but the running kernel is ${kernel}: ` +
        `a container can only use the kernel it shares with its host\n`
    }
  }
  if (SERVICES[name]) return { kind: 'service', service: name }
  if ((name === 'python' || name === 'python3') && argv.slice(1).some((a) => a.endsWith('.py'))) return { kind: 'service', service: 'python' }
  if (name === 'python' || name === 'python3' || name === 'cmd.exe') {
    return interactive ? { kind: 'service', service: 'sleep' } : { kind: 'fixed', stdout: '', stderr: '', exitCode: 0 }
  }
  if (['sh', 'bash'].includes(name) && argv.length === 1) {
    // a shell with no script and no terminal reads an empty stdin and exits 0
    return interactive ? { kind: 'service', service: 'sleep' } : { kind: 'fixed', stdout: '', stderr: '', exitCode: 0 }
  }
  if (name === 'sleep' && argv[1] === 'infinity') return { kind: 'service', service: 'sleep' }
  if (isShellCommand(exe) || isShellCommand(name)) return { kind: 'shell', argv: [name === exe ? exe : name, ...argv.slice(1)] }
  return { kind: 'notFound', executable: exe }
}

/** Well-known ports the services listen on. */
export const SERVICE_PORTS: Readonly<Record<string, number[]>> = {
  nginx: [80], 'redis-server': [6379], postgres: [5432], python: [8000], analytics: [9000], sleep: []
}
