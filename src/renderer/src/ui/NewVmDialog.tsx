// "New VM", shaped like VirtualBox's wizard on one page: name and OS, then hardware (vCPUs, RAM), then the
// disk. "Create & start" types `vm create …` and `vm start …` into the Shell, so both show up in the terminal
// history and the session file.
import { useId, useMemo, useState, type FormEvent } from 'react'
import { catalog } from '../../../sim/index.ts'
import { Dialog } from './Dialog'
import { SourceBadge } from './SourceBadge'
import { useController, useSnapshot } from './useController'
import { useTranslation } from 'react-i18next'

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/
const MICROVM = 'microvm'

export function NewVmDialog() {
  const { t: tr } = useTranslation()
  const controller = useController()
  const open = useSnapshot((s) => s.view.dialog === 'vm')
  const close = () => controller.setDialog(null)
  return (
    <Dialog open={open} title={tr('newVm.title')} onClose={close} testId="new-vm-dialog">
      {open && <NewVmForm onDone={close} />}
    </Dialog>
  )
}

function NewVmForm({ onDone }: { onDone: () => void }) {
  const { t: tr } = useTranslation()
  const controller = useController()
  const taken = useSnapshot((s) => s.instances.filter((i) => i.kind === 'vm').map((i) => i.name))
  const hostCores = useSnapshot((s) => s.hosts.find((h) => h.hypervisor !== 'none')?.cores ?? 16)
  const hostMemory = useSnapshot((s) => s.hosts.find((h) => h.hypervisor !== 'none')?.memoryMb ?? 65536)
  const firstFree = useMemo(() => {
    for (let i = 1; ; i++) if (!taken.includes(`vm${i}`)) return `vm${i}`
  }, [taken])
  const [name, setName] = useState(firstFree)
  const [os, setOs] = useState('ubuntu-24.04')
  const spec = os === MICROVM ? null : catalog.GUEST_OSES[os]
  const [cpus, setCpus] = useState(spec?.defaultCpus ?? 2)
  const [memoryMb, setMemoryMb] = useState(spec?.defaultMemoryMb.value ?? 2048)
  const [diskGb, setDiskGb] = useState(Math.round((spec?.diskVirtualMb.value ?? 10240) / 1024))
  const [error, setError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const ids = { name: useId(), os: useId(), cpus: useId(), memory: useId(), disk: useId(), error: useId() }

  const chooseOs = (next: string) => {
    setOs(next)
    if (next === MICROVM) {
      setCpus(1)
      setMemoryMb(catalog.MICROVM_GUEST.memoryMb.value)
      setDiskGb(1)
      return
    }
    const s = catalog.GUEST_OSES[next]
    if (s) {
      setCpus(s.defaultCpus)
      setMemoryMb(s.defaultMemoryMb.value)
      setDiskGb(Math.round(s.diskVirtualMb.value / 1024))
    }
  }

  const nameProblem = !NAME_RE.test(name) ? tr('newVm.nameBad') : taken.includes(name) ? tr('newVm.nameTaken', { name }) : null
  const createLine = os === MICROVM
    ? `vm create ${name} --kind microvm --cpus ${cpus} --memory ${memoryMb}m --disk ${diskGb}g`
    : `vm create ${name} --os ${os} --cpus ${cpus} --memory ${memoryMb}m --disk ${diskGb}g`
  const bootMs = (os === MICROVM ? catalog.MICROVM_PHASES : (spec?.phases ?? [])).reduce((sum, p) => sum + p.ms.value, 0)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (nameProblem) {
      setError(nameProblem)
      return
    }
    setRunning(true)
    const created = await controller.runLine(createLine, 'ui')
    if (created.exitCode !== 0) {
      setRunning(false)
      setError((created.stderr || created.stdout).trim())
      return
    }
    const started = await controller.runLine(`vm start ${name}`, 'ui')
    setRunning(false)
    if (started.exitCode !== 0) {
      setError(tr('newVm.notStarted', { message: (started.stderr || started.stdout).trim() }))
      return
    }
    onDone()
  }

  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{tr('newVm.nameAndOs')}</legend>
        <div className="field">
          <label htmlFor={ids.name}>{tr('newVm.name')}</label>
          <input id={ids.name} value={name} onChange={(e) => { setName(e.target.value); setError(null) }} autoComplete="off"
            spellCheck={false} aria-invalid={nameProblem !== null} aria-describedby={ids.error} required data-testid="vm-name" />
        </div>
        <div className="field">
          <label htmlFor={ids.os}>{tr('newVm.os')}</label>
          <select id={ids.os} value={os} onChange={(e) => chooseOs(e.target.value)} data-testid="vm-os">
            {Object.values(catalog.GUEST_OSES).map((g) => (
              <option key={g.id} value={g.id}>{tr('newVm.osOption', { label: g.label, kernel: g.kernel })}</option>
            ))}
            <option value={MICROVM}>{tr('newVm.microvm')}</option>
          </select>
        </div>
        <p className="hint">{tr('newVm.boots', { count: os === MICROVM ? catalog.MICROVM_PHASES.length : spec?.phases.length ?? 0, seconds: (bootMs / 1000).toFixed(1) })}{' '}
          <SourceBadge source={os === MICROVM ? catalog.MICROVM_PHASES[0]!.ms.source : 'model'} /></p>
      </fieldset>
      <fieldset>
        <legend>{tr('newVm.hardware')}</legend>
        <div className="field">
          <label htmlFor={ids.cpus}>{tr('newVm.cpus', { cores: hostCores })}</label>
          <div className="range-row">
            <input type="range" min={1} max={hostCores} value={cpus} onChange={(e) => setCpus(Number(e.target.value))} aria-label={tr('newVm.cpusSlider')} aria-describedby={`${ids.cpus}-v`} />
            <input id={ids.cpus} type="number" min={1} max={hostCores} value={cpus} onChange={(e) => setCpus(Math.max(1, Math.min(hostCores, Number(e.target.value) || 1)))} className="num" />
          </div>
          <span id={`${ids.cpus}-v`} className="sr-only">{tr('newVm.ofCores', { cores: hostCores })}</span>
        </div>
        <div className="field">
          <label htmlFor={ids.memory}>{tr('newVm.memory')}</label>
          <div className="range-row">
            <input type="range" min={64} max={Math.min(hostMemory, 32768)} step={64} value={memoryMb} onChange={(e) => setMemoryMb(Number(e.target.value))} aria-label={tr('newVm.memorySlider')} />
            <input id={ids.memory} type="number" min={64} max={hostMemory} step={64} value={memoryMb} onChange={(e) => setMemoryMb(Math.max(64, Number(e.target.value) || 64))} className="num" data-testid="vm-memory" />
          </div>
          <span className="hint">{tr('newVm.memoryHint', { mb: os === MICROVM ? catalog.MICROVM_GUEST.memoryMb.value : spec?.defaultMemoryMb.value })}{' '}
            <SourceBadge source={os === MICROVM ? catalog.MICROVM_GUEST.memoryMb.source : (spec?.defaultMemoryMb.source ?? 'model')} /></span>
        </div>
        <div className="field">
          <label htmlFor={ids.disk}>{tr('newVm.disk')}</label>
          <div className="range-row">
            <input id={ids.disk} type="number" min={1} max={2048} value={diskGb} onChange={(e) => setDiskGb(Math.max(1, Number(e.target.value) || 1))} className="num" />
            <span className="hint">{tr('newVm.diskHint', { gb: Math.round((spec?.diskUsedMb.value ?? 50) / 1024 * 10) / 10 })}{' '}
              <SourceBadge source={spec?.diskUsedMb.source ?? 'model'} /></span>
          </div>
        </div>
      </fieldset>
      <p className="command-preview">{tr('newVm.runs')} <code>{createLine}</code> {tr('newVm.then')} <code>vm start {name}</code></p>
      <p id={ids.error} className="form-error" role="alert">{error ?? nameProblem ?? ''}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>{tr('common.cancel')}</button>
        <button type="submit" className="primary" disabled={running} data-testid="vm-create">{tr('newVm.create')}</button>
      </div>
    </form>
  )
}
