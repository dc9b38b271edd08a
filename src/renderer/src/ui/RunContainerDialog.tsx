// "Run a new container", shaped like Docker Desktop's: the image, then optional settings (name, a host port
// for the container's port, CPU and memory limits). It types one `docker run -d …` line into the Shell.
import { useId, useMemo, useState, type FormEvent } from 'react'
import { catalog } from '../../../sim/index.ts'
import { Dialog } from './Dialog'
import { SourceBadge } from './SourceBadge'
import { useController, useSnapshot } from './useController'
import { useTranslation } from 'react-i18next'

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

export function RunContainerDialog() {
  const { t: tr } = useTranslation()
  const controller = useController()
  const open = useSnapshot((s) => s.view.dialog === 'container')
  const close = () => controller.setDialog(null)
  return (
    <Dialog open={open} title={tr('runCtr.title')} onClose={close} testId="run-container-dialog">
      {open && <RunContainerForm onDone={close} />}
    </Dialog>
  )
}

function RunContainerForm({ onDone }: { onDone: () => void }) {
  const { t: tr } = useTranslation()
  const controller = useController()
  const taken = useSnapshot((s) => s.instances.filter((i) => i.kind === 'container').map((i) => i.name))
  const images = useMemo(() => catalog.REGISTRY.flatMap((spec) => spec.tags.filter((t) => t !== 'latest').map((tag) => ({ ref: `${spec.repo}:${tag}`, spec }))), [])
  const [image, setImage] = useState('nginx:1.27')
  const spec = catalog.REGISTRY.find((s) => image.split(':')[0] === s.repo)
  const exposed = spec?.exposedPorts[0]
  const firstFree = useMemo(() => {
    const base = (image.split('/').pop() ?? 'app').split(':')[0]!.replace(/[^a-zA-Z0-9_.-]/g, '') || 'app'
    if (!taken.includes(base)) return base
    for (let i = 2; ; i++) if (!taken.includes(`${base}${i}`)) return `${base}${i}`
  }, [image, taken])
  const [name, setName] = useState<string | null>(null)
  const [hostPort, setHostPort] = useState<string | null>(null)
  const [containerPort, setContainerPort] = useState<string | null>(null)
  const [cpus, setCpus] = useState('')
  const [memoryMb, setMemoryMb] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const ids = { image: useId(), images: useId(), name: useId(), hostPort: useId(), ctrPort: useId(), cpus: useId(), memory: useId(), error: useId() }

  const effectiveName = name ?? firstFree
  const effectiveCtrPort = containerPort ?? (exposed !== undefined ? String(exposed) : '')
  const effectiveHostPort = hostPort ?? (exposed !== undefined ? String(exposed === 80 ? 8080 : exposed) : '')

  const problem = (() => {
    if (image.trim() === '') return tr('runCtr.chooseImage')
    if (effectiveName !== '' && !NAME_RE.test(effectiveName)) return tr('runCtr.nameBad')
    if (taken.includes(effectiveName)) return tr('runCtr.nameTaken', { name: effectiveName })
    const port = (v: string) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535)
    if (!port(effectiveHostPort) || !port(effectiveCtrPort)) return tr('runCtr.ports')
    if ((effectiveHostPort === '') !== (effectiveCtrPort === '')) return tr('runCtr.bothPorts')
    if (cpus !== '' && !(Number(cpus) > 0)) return tr('runCtr.cpuLimit')
    if (memoryMb !== '' && !(Number(memoryMb) >= catalog.ISOLATION.memoryMinMb.value)) return tr('runCtr.memLimit', { mb: catalog.ISOLATION.memoryMinMb.value })
    return null
  })()

  const words = ['docker', 'run', '-d']
  if (effectiveName) words.push('--name', effectiveName)
  if (effectiveHostPort && effectiveCtrPort) words.push('-p', `${effectiveHostPort}:${effectiveCtrPort}`)
  if (cpus) words.push('--cpus', cpus)
  if (memoryMb) words.push('-m', `${memoryMb}m`)
  words.push(image.trim())
  const line = words.map(quote).join(' ')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (problem) {
      setError(problem)
      return
    }
    setRunning(true)
    const result = await controller.runLine(line, 'ui')
    setRunning(false)
    if (result.exitCode !== 0) {
      setError((result.stderr || result.stdout).trim().split('\n').pop() ?? tr('runCtr.failed'))
      return
    }
    onDone()
  }

  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={ids.image}>{tr('runCtr.image')}</label>
        <input id={ids.image} list={ids.images} value={image} onChange={(e) => { setImage(e.target.value); setError(null) }}
          autoComplete="off" spellCheck={false} data-testid="ctr-image" />
        <datalist id={ids.images}>
          {images.map((i) => <option key={i.ref} value={i.ref} />)}
        </datalist>
        <span className="hint">{spec ? tr('runCtr.layers', { count: spec.layers.length, mb: Math.round(spec.layers.reduce((s, l) => s + l.sizeMb.value, 0)) }) : tr('runCtr.offline')}{' '}
          {spec && <SourceBadge source={spec.layers[spec.layers.length - 1]!.sizeMb.source} />}</span>
      </div>
      <fieldset>
        <legend>{tr('runCtr.optional')}</legend>
        <div className="field">
          <label htmlFor={ids.name}>{tr('runCtr.name')}</label>
          <input id={ids.name} value={effectiveName} onChange={(e) => { setName(e.target.value); setError(null) }} autoComplete="off"
            spellCheck={false} data-testid="ctr-name" />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.hostPort}>{tr('runCtr.hostPort')}</label>
            <input id={ids.hostPort} inputMode="numeric" value={effectiveHostPort} onChange={(e) => setHostPort(e.target.value)} className="num" data-testid="ctr-host-port" />
          </div>
          <span className="arrow" aria-hidden="true">→</span>
          <div className="field">
            <label htmlFor={ids.ctrPort}>{tr('runCtr.ctrPort')}</label>
            <input id={ids.ctrPort} inputMode="numeric" value={effectiveCtrPort} onChange={(e) => setContainerPort(e.target.value)} className="num" />
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.cpus}>{tr('runCtr.cpus')}</label>
            <input id={ids.cpus} inputMode="decimal" placeholder={tr('runCtr.noLimit')} value={cpus} onChange={(e) => setCpus(e.target.value)} className="num" />
          </div>
          <div className="field">
            <label htmlFor={ids.memory}>{tr('runCtr.memory')}</label>
            <input id={ids.memory} inputMode="numeric" placeholder={tr('runCtr.noLimit')} value={memoryMb} onChange={(e) => setMemoryMb(e.target.value)} className="num" data-testid="ctr-memory" />
          </div>
        </div>
        <p className="hint">{tr('runCtr.limitsHint')}{' '}
          <SourceBadge source={catalog.ISOLATION.pidsLimitDefault.source} /></p>
      </fieldset>
      <p className="command-preview">{tr('runCtr.runs')} <code>{line}</code></p>
      <p id={ids.error} className="form-error" role="alert">{error ?? ''}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>{tr('common.cancel')}</button>
        <button type="submit" className="primary" disabled={running} data-testid="ctr-run">{tr('runCtr.run')}</button>
      </div>
    </form>
  )
}
