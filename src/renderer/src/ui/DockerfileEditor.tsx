// A Dockerfile editor (CodeMirror 6) feeding `docker build`: saving writes the file with a `project write` line, so
// the edit lands in the terminal history and the session file and replays like any command.
// CodeMirror is not needed for the first frame: it loads as a separate chunk the first time the editor mounts, and
// Save and Build wait for it (saving before the text is there would write an empty file).
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditorView } from 'codemirror'
import { useController } from './useController'
import type { UiText } from './types'
import { resolveText } from './uiText'

/** UTF-8 text → base64, without Node's Buffer. */
export function toBase64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** CodeMirror, fetched once (a same-origin chunk, so the CSP's script-src 'self' allows it). */
let codeMirror: Promise<typeof import('codemirror')> | null = null
function loadCodeMirror(): Promise<typeof import('codemirror')> {
  codeMirror ??= import('codemirror')
  // a failed fetch may be retried on the next mount
  codeMirror.catch(() => { codeMirror = null })
  return codeMirror
}

export function DockerfileEditor() {
  const { t } = useTranslation()
  const controller = useController()
  const projects = controller.projects()
  const [project, setProject] = useState(projects[0]?.name ?? 'recommender')
  const [tag, setTag] = useState('')
  // a key (follows a language switch) or the CLI's own words
  const [status, setStatus] = useState<string | UiText>('')
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  // the editor of this project is up (null while CodeMirror loads or the project changes), or why it could not load
  const [editorFor, setEditorFor] = useState<string | null | { error: string }>(null)
  const ready = editorFor === project

  useEffect(() => {
    const parent = host.current
    if (!parent) return
    let editor: EditorView | null = null
    let disposed = false
    const text = controller.projects().find((p) => p.name === project)?.files.find((f) => f.path === 'Dockerfile')?.text ?? 'FROM alpine:3.20\n'
    loadCodeMirror().then((cm) => {
      if (disposed) return
      editor = new cm.EditorView({
        doc: text,
        extensions: [cm.basicSetup, cm.EditorView.contentAttributes.of({ 'data-testid': 'dockerfile-editor' })],
        parent
      })
      // long files scroll: let the scroller itself take focus too, so the keyboard can scroll it (axe: scrollable-region-focusable)
      editor.scrollDOM.tabIndex = 0
      view.current = editor
      setEditorFor(project)
    }, (error: unknown) => {
      if (!disposed) setEditorFor({ error: error instanceof Error ? error.message : String(error) })
    })
    return () => {
      disposed = true
      editor?.destroy()
      view.current = null
      setEditorFor(null)
    }
  }, [controller, project])

  // the labels follow the language without rebuilding the editor (which would drop unsaved edits)
  useEffect(() => {
    const editor = view.current
    if (!editor || !ready) return
    editor.contentDOM.setAttribute('aria-label', t('panels.dockerfile.editor', { project }))
    editor.scrollDOM.setAttribute('aria-label', t('panels.dockerfile.scroller', { project }))
  }, [t, project, ready])

  const loading = typeof editorFor === 'object' && editorFor !== null
    ? t('lazy.failed', { message: editorFor.error })
    : ready ? '' : t('lazy.editor')

  const save = async (): Promise<boolean> => {
    if (!view.current) return false
    const text = view.current.state.doc.toString()
    const result = await controller.runLine(`project write ${project} Dockerfile --base64 ${toBase64(text)}`, 'ui')
    setStatus(result.exitCode === 0 ? { key: 'panels.dockerfile.saved', params: { project } } : result.stderr.trim())
    return result.exitCode === 0
  }
  const build = async () => {
    if (!(await save())) return
    const target = tag.trim() || `${project}:dev`
    const result = await controller.runLine(`docker build -t ${target} ${project}`, 'ui')
    const cached = (result.stdout.match(/Using cache/g) ?? []).length
    setStatus(result.exitCode === 0 ? { key: 'panels.dockerfile.built', params: { target, count: cached } }
      : result.stderr.trim().split('\n').pop() || { key: 'panels.dockerfile.failed' })
  }

  return (
    <div className="dockerfile-editor">
      <div className="dockerfile-toolbar">
        <label>{t('panels.dockerfile.project')}{' '}
          <select value={project} onChange={(e) => setProject(e.target.value)} data-testid="dockerfile-project">
            {projects.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
          </select>
        </label>
        <label>{t('panels.dockerfile.tag')}{' '}
          <input value={tag} onChange={(e) => setTag(e.target.value)} placeholder={`${project}:dev`} size={16} data-testid="dockerfile-tag" />
        </label>
        <button type="button" onClick={() => void save()} disabled={!ready} data-testid="dockerfile-save">{t('panels.dockerfile.save')}</button>
        <button type="button" onClick={() => void build()} disabled={!ready} data-testid="dockerfile-build">{t('panels.dockerfile.build')}</button>
      </div>
      <div ref={host} className="dockerfile-code" />
      <p role="status" aria-live="polite" className="dockerfile-status" data-testid="dockerfile-status">{loading || resolveText(t, status)}</p>
    </div>
  )
}
