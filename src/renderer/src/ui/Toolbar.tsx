// The banner: time controls, the sandbox actions, the two create dialogs, files and view.
import { useEffect, useId, useRef, useState } from 'react'
import { useController, useSnapshot } from './useController'
import { formatClock, uiLocale } from './format'
import { resolveText } from './uiText'
import { Icon } from './Icon'
import { LearnButton } from './lessons/LessonDock'
import { useTranslation } from 'react-i18next'

export const SPEED_CHOICES = [0.25, 0.5, 1, 2, 5, 10, 20]
export const STEP_CHOICES = [100, 1000, 10_000]

function stepLabel(ms: number): string {
  return `${ms / 1000} s`
}

export function Toolbar() {
  const { t: tr } = useTranslation()
  const controller = useController()
  const t = useSnapshot((s) => ({
    playing: s.playing, speed: s.speed, timing: s.timing, compression: s.compression, stepMs: s.stepMs, clockMs: s.clockMs,
    checkpoints: s.checkpoints.length, busy: s.busy, projector: s.view.projector
  }))
  const speedId = useId()
  const stepId = useId()
  return (
    <header className="toolbar" role="banner">
      <h1 className="brand"><span aria-hidden="true" className="brand-mark">▦</span> <span className="brand-name">Stacklab</span></h1>
      <div className="toolbar-group" role="group" aria-label={tr('toolbar.time')}>
        <button type="button" className="primary play" onClick={() => controller.togglePlay()} aria-keyshortcuts="Space"
          data-testid="play-pause">
          <Icon name={t.playing ? 'pause' : 'play'} /> {t.playing ? tr('toolbar.pause') : tr('toolbar.play')}
        </button>
        <button type="button" onClick={() => controller.step()} disabled={t.busy} aria-keyshortcuts="ArrowRight" data-testid="step">
          <Icon name="step" /> {tr('toolbar.step')}
        </button>
        <label className="sr-only" htmlFor={stepId}>{tr('toolbar.stepSize')}</label>
        <select id={stepId} value={t.stepMs} onChange={(e) => controller.setStepMs(Number(e.target.value))} data-testid="step-size">
          {STEP_CHOICES.map((ms) => <option key={ms} value={ms}>+{stepLabel(ms)}</option>)}
        </select>
        <span className="speed">
          <button type="button" className="icon" onClick={() => controller.slower()} aria-label={tr('toolbar.slower')} aria-keyshortcuts="-">−</button>
          <label className="sr-only" htmlFor={speedId}>{tr('toolbar.speed')}</label>
          <select id={speedId} value={t.speed} onChange={(e) => controller.setSpeed(Number(e.target.value))} data-testid="speed">
            {SPEED_CHOICES.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
          <button type="button" className="icon" onClick={() => controller.faster()} aria-label={tr('toolbar.faster')} aria-keyshortcuts="+">+</button>
        </span>
        <output className="clock" aria-label={tr('toolbar.clock')} data-testid="clock"><span className="clock-t" aria-hidden="true">t</span> {formatClock(t.clockMs)}</output>
        <button type="button" role="switch" aria-checked={t.timing === 'compressed'} className="switch" data-testid="timing"
          onClick={() => controller.setTiming(t.timing === 'compressed' ? 'realistic' : 'compressed')}
          title={tr('toolbar.compressedTitle')}>
          <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
          {tr('toolbar.compressed')}{t.timing === 'compressed' && t.compression > 1.05 ? ` ×${Math.round(t.compression)}` : ''}
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={tr('toolbar.sandbox')}>
        <button type="button" onClick={() => controller.resetAll()} aria-keyshortcuts="Alt+R" data-testid="reset" aria-label={tr('toolbar.resetAll')}>
          <Icon name="reset" /> {tr('toolbar.reset')}</button>
        <button type="button" onClick={() => void controller.checkpoint()} disabled={t.busy} data-testid="checkpoint"><Icon name="flag" /> {tr('toolbar.checkpoint')}</button>
        <button type="button" onClick={() => void controller.rewind()} disabled={t.busy || t.checkpoints === 0} data-testid="rewind"><Icon name="rewind" /> {tr('toolbar.rewind')}</button>
      </div>
      <div className="toolbar-group end" role="group" aria-label={tr('toolbar.fileAndView')}>
        <AutosaveStatus />
        <LearnButton />
        <FileMenu />
        <button type="button" aria-pressed={t.projector} onClick={() => controller.setProjector(!t.projector)} aria-keyshortcuts="P"
          data-testid="projector">{tr('toolbar.projector')}</button>
        <button type="button" className="icon" aria-label={tr('toolbar.help')} onClick={() => controller.setHelp('shortcuts')}
          aria-keyshortcuts="?">?</button>
      </div>
    </header>
  )
}

function FileMenu() {
  const { t } = useTranslation()
  const controller = useController()
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent | FocusEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('focusin', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('focusin', close)
    }
  }, [open])
  const item = (label: string, action: () => Promise<void>, testId: string) => (
    <li>
      <button type="button" data-testid={testId} onClick={() => { setOpen(false); void action() }}>{label}</button>
    </li>
  )
  return (
    <div className="file-menu" ref={root} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false) }}>
      <button type="button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)} data-testid="file-menu">
        {t('toolbar.file')} <span aria-hidden="true">▾</span>
      </button>
      <ul id={menuId} className="file-menu-list" hidden={!open}>
        {item(t('toolbar.openScenario'), () => controller.openScenario(), 'open-scenario')}
        {item(t('toolbar.saveScenario'), () => controller.saveScenario(), 'save-scenario')}
        {item(t('toolbar.saveSession'), () => controller.saveSession(), 'save-session')}
        {item(t('toolbar.exportPng'), () => controller.exportPng(), 'export-png')}
      </ul>
    </div>
  )
}

function AutosaveStatus() {
  const { t } = useTranslation()
  const autosave = useSnapshot((s) => s.autosave)
  if (autosave.status === 'off' && autosave.message === null) return null
  const text = t(`toolbar.autosave.${autosave.status}`)
  const title = autosave.status === 'saved' && autosave.savedAt ? t('toolbar.autosave.savedAt', { time: new Date(autosave.savedAt).toLocaleTimeString(uiLocale()) })
    : autosave.message === null ? undefined : resolveText(t, autosave.message)
  return (
    <span className={`autosave autosave-${autosave.status}`} title={title} data-testid="autosave-status" data-status={autosave.status}>
      <span aria-hidden="true">{autosave.status === 'failed' ? '!' : '✓'}</span> {text}
    </span>
  )
}
