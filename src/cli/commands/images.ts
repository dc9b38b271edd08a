// docker pull, images, rmi, tag, build.
import { engine, humanSize } from '../../sim/index.ts'
import { ApiError, call, callJson, daemonError, errorMessage, out, req, type CliContext, type CliOutput } from '../api.ts'
import { jsonLines } from '../streams.ts'
import { ago, tabTable } from '../format.ts'
import { bool, parseFlags, str, FlagError } from '../flags.ts'

interface PullMessage { status?: string; id?: string; progress?: string; error?: string; errorDetail?: { message: string } }

export interface PullOutcome {
  /** "Using default tag: latest" when the reference had no tag (`docker pull` prints it, `docker run` does not) */
  note: string
  /** the status lines a non-TTY CLI prints (no progress bars) */
  progress: string
  /** the fully qualified reference the CLI prints last, e.g. docker.io/library/alpine:3.20 */
  qualified: string
  /** what the CLI prints when the pull failed: "Error response from daemon: …" before the stream, the bare message in it */
  error: string | null
}

/** Pull and render the progress as a non-TTY docker CLI does (no progress bars). */
export async function pullImage(ctx: CliContext, image: string, quiet: boolean): Promise<PullOutcome> {
  let ref = image
  let note = ''
  if (!image.includes('@') && !/:[^/]+$/.test(image)) { ref = `${image}:latest`; note = 'Using default tag: latest\n' }
  const at = ref.includes('@') ? ref.indexOf('@') : ref.lastIndexOf(':')
  const tag = ref.slice(at + 1)
  const qualified = engine.fullyQualified(ref)
  const fromImage = qualified.slice(0, qualified.length - tag.length - 1)
  const request = req(ctx, 'POST', '/images/create', { fromImage, tag })
  request.headers['x-registry-auth'] = 'e30='
  const res = await ctx.transport.request(request)
  if (res.status >= 400) return { note, progress: '', qualified, error: `Error response from daemon: ${errorMessage(res)}` }
  let progress = ''
  for (const m of jsonLines(res.body) as PullMessage[]) {
    if (m.error) return { note, progress, qualified, error: m.errorDetail?.message ?? m.error }
    if (m.progress || !m.status) continue
    if (!quiet) progress += m.id ? `${m.id}: ${m.status}\n` : `${m.status}\n`
  }
  return { note, progress, qualified, error: null }
}

export async function pull(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let parsed
  try { parsed = parseFlags(words, [{ long: 'quiet', short: 'q', kind: 'bool' }, { long: 'all-tags', short: 'a', kind: 'bool' }, { long: 'platform', kind: 'value' }], false, 'pull') }
  catch (e) { if (e instanceof FlagError) return out('', e.message + '\n', 125); throw e }
  if (parsed.args.length !== 1) return out('', `"docker pull" requires exactly 1 argument.\nSee 'docker pull --help'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nPull an image or a repository from a registry\n`, 1)
  const image = parsed.args[0]!
  if (!engine.isValidRef(image)) return out('', `invalid reference format${/[A-Z]/.test(image) ? ': repository name (library/' + image + ') must be lowercase' : ''}\n`, 1)
  const quiet = bool(parsed.values['quiet'])
  const r = await pullImage(ctx, image, quiet)
  if (r.error !== null) return out(quiet ? '' : r.note + r.progress, r.error + '\n', 1)
  return out(quiet ? `${r.qualified}\n` : `${r.note}${r.progress}${r.qualified}\n`)
}

interface ImageSummary { Id: string; RepoTags: string[] | null; Created: number; Size: number }

export async function images(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let parsed
  try { parsed = parseFlags(words, [{ long: 'quiet', short: 'q', kind: 'bool' }, { long: 'all', short: 'a', kind: 'bool' }], false, 'images') }
  catch (e) { if (e instanceof FlagError) return out('', e.message + '\n', 125); throw e }
  const query: Record<string, string> = {}
  if (parsed.args[0]) query['filters'] = JSON.stringify({ reference: { [parsed.args[0]]: true } })
  try {
    const list = await callJson<ImageSummary[]>(ctx, 'GET', '/images/json', query)
    if (bool(parsed.values['quiet'])) return out(list.map((i) => i.Id.replace('sha256:', '').slice(0, 12) + '\n').join(''))
    const rows: string[][] = []
    for (const i of list) {
      const tags = i.RepoTags?.length ? i.RepoTags : ['<none>:<none>']
      for (const t of tags) {
        const at = t.lastIndexOf(':')
        rows.push([t.slice(0, at), t.slice(at + 1), i.Id.replace('sha256:', '').slice(0, 12), ago(ctx.nowMs(), i.Created * 1000), humanSize(i.Size)])
      }
    }
    return out(tabTable(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], rows))
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

export async function rmi(ctx: CliContext, words: string[]): Promise<CliOutput> {
  let parsed
  try { parsed = parseFlags(words, [{ long: 'force', short: 'f', kind: 'bool' }, { long: 'no-prune', kind: 'bool' }], false, 'rmi') }
  catch (e) { if (e instanceof FlagError) return out('', e.message + '\n', 125); throw e }
  if (parsed.args.length === 0) return out('', `"docker rmi" requires at least 1 argument.\nSee 'docker rmi --help'.\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nRemove one or more images\n`, 1)
  let stdout = ''
  let stderr = ''
  for (const ref of parsed.args) {
    try {
      const items = await callJson<{ Untagged?: string; Deleted?: string }[]>(ctx, 'DELETE', `/images/${ref}`, bool(parsed.values['force']) ? { force: '1' } : {})
      for (const it of items) stdout += it.Untagged ? `Untagged: ${it.Untagged}\n` : `Deleted: ${it.Deleted}\n`
    } catch (e) { if (e instanceof ApiError) stderr += `Error response from daemon: ${e.message}\n`; else throw e }
  }
  return out(stdout, stderr, stderr ? 1 : 0)
}

export async function tag(ctx: CliContext, words: string[]): Promise<CliOutput> {
  if (words.length !== 2) return out('', `"docker tag" requires exactly 2 arguments.\nSee 'docker tag --help'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n`, 1)
  const target = words[1]!
  if (!engine.isValidRef(target)) return out('', 'invalid reference format\n', 1)
  const norm = engine.normalizeRef(target)
  const { tag: t } = engine.splitRef(norm)
  try {
    await call(ctx, 'POST', `/images/${words[0]}/tag`, { repo: engine.fullyQualified(norm).replace(/:[^:/]+$/, ''), tag: t })
    return out('')
  } catch (e) { if (e instanceof ApiError) return daemonError(e); throw e }
}

/** Legacy builder: the CLI sends the folder as a tar; in process the project folder's name travels in `remote`. */
export async function build(ctx: CliContext, words: string[], context: { tarOf(dir: string): Uint8Array | null }): Promise<CliOutput> {
  let parsed
  try { parsed = parseFlags(words, [{ long: 'tag', short: 't', kind: 'list' }, { long: 'file', short: 'f', kind: 'value' }, { long: 'quiet', short: 'q', kind: 'bool' }, { long: 'no-cache', kind: 'bool' }], false, 'build') }
  catch (e) { if (e instanceof FlagError) return out('', e.message + '\n', 125); throw e }
  if (parsed.args.length !== 1) return out('', `"docker build" requires exactly 1 argument.\nSee 'docker build --help'.\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nBuild an image from a Dockerfile\n`, 1)
  const dir = parsed.args[0]!
  const tar = context.tarOf(dir)
  if (!tar) return out('', `unable to prepare context: path "${dir}" not found\n`, 1)
  const tags = (parsed.values['tag'] as string[] | undefined) ?? []
  for (const t of tags) if (!engine.isValidRef(t)) return out('', `invalid argument "${t}" for "-t, --tag" flag: invalid reference format\nSee 'docker build --help'.\n`, 125)
  const query: Record<string, string> = { dockerfile: str(parsed.values['file']) ?? 'Dockerfile' }
  if (tags.length) query['t'] = tags[0]!
  if (bool(parsed.values['no-cache'])) query['nocache'] = '1'
  const request = req(ctx, 'POST', '/build', query)
  request.headers['content-type'] = 'application/x-tar'
  request.body = tar
  const res = await ctx.transport.request(request)
  let stdout = `Sending build context to Docker daemon  ${humanSize(tar.length)}\n`
  if (res.status >= 400) {
    return out(stdout, `Error response from daemon: ${errorMessage(res)}\n`, 1)
  }
  for (const m of jsonLines(res.body) as { stream?: string; error?: string; errorDetail?: { message: string } }[]) {
    if (m.error) return out(stdout, `${m.errorDetail?.message ?? m.error}\n`, 1)
    if (m.stream) stdout += m.stream
  }
  return out(bool(parsed.values['quiet']) ? '' : stdout)
}
