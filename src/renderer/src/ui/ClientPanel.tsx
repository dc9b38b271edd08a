// The "Clients" tab: where the terminal's docker CLI runs and which daemon it reaches (DOCKER_HOST, the context),
// quick ways to move it, and the engine bridge that lets a real docker CLI drive this sandbox.
import { useId, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import './requests.css'
import { useRequests, useRequestsSnapshot } from './useRequests'

/** label: its key under requests.clients.place */
const PLACES: readonly { id: string; label: string; lines: readonly string[] }[] = [
  { id: 'host', label: 'host', lines: ['client use host', 'unset DOCKER_HOST'] },
  { id: 'laptop-macos', label: 'laptopMacos', lines: ['client use laptop-macos', 'export DOCKER_HOST=ssh://me@container-host'] },
  { id: 'laptop-windows', label: 'laptopWindows', lines: ['client use laptop-windows', 'export DOCKER_HOST=tcp://container-host:2376'] },
  { id: 'docker-desktop', label: 'dockerDesktop', lines: ['client use docker-desktop', 'unset DOCKER_HOST'] }
]

export function ClientPanel() {
  const { t } = useTranslation()
  const requests = useRequests()
  const client = useRequestsSnapshot((s) => s.client, (a, b) => a === b)
  const [busy, setBusy] = useState(false)
  const move = async (lines: readonly string[]) => {
    setBusy(true)
    try {
      for (const line of lines) await requests.runClientLine(line)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="clients" data-testid="client-panel">
      <section className="client-now" aria-labelledby="client-now-title">
        <h3 id="client-now-title" className="client-heading">{t('requests.clients.heading')}</h3>
        <p className="client-label" data-testid="client-label">{client.label}</p>
        <dl className="client-fields">
          <dt><code>DOCKER_HOST</code></dt><dd><code>{client.dockerHost ?? t('requests.clients.notSet')}</code></dd>
          <dt>{t('requests.clients.context')}</dt><dd><code>{client.context}</code></dd>
          <dt>{t('requests.clients.endpoint')}</dt><dd><code>{client.endpoint}</code> · {client.transport}</dd>
          <dt>{t('requests.clients.daemon')}</dt><dd>{client.daemon ?? <span className="status-bad">{client.problem ?? t('requests.clients.noneReachable')}</span>}</dd>
        </dl>
        <div className="client-moves" role="group" aria-label={t('requests.clients.move')}>
          {PLACES.map((place) => (
            <button key={place.id} type="button" disabled={busy} aria-pressed={client.location === place.id && (place.id !== 'host' || client.dockerHost === null)}
              onClick={() => void move(place.lines)} title={place.lines.join('; ')}>{t(`requests.clients.place.${place.label}`)}</button>
          ))}
        </div>
      </section>
      <EngineBridgeSetting />
    </div>
  )
}

function EngineBridgeSetting() {
  const { t } = useTranslation()
  const requests = useRequests()
  const bridge = useRequestsSnapshot((s) => s.bridge, (a, b) => a === b)
  const labelId = useId()
  // the key of what copying did (said in the language of the moment)
  const [copied, setCopied] = useState<'copied' | 'copyYourself' | null>(null)
  const on = bridge.available && (bridge.state === 'listening' || bridge.state === 'starting')
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied('copied')
    } catch {
      setCopied('copyYourself')
    }
  }
  return (
    <section className="bridge" aria-labelledby={labelId} data-testid="engine-bridge">
      <h3 id={labelId} className="client-heading">{t('requests.bridge.heading')}</h3>
      <button type="button" role="switch" className="switch" aria-checked={on} disabled={!bridge.available || bridge.state === 'starting' || bridge.state === 'stopping'}
        onClick={() => void requests.setBridge(!on)} data-testid="engine-bridge-switch">
        <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
        {t('requests.bridge.serve')}
      </button>
      {!bridge.available ? (
        <p className="hint" data-testid="engine-bridge-unavailable">
          <Trans i18nKey="requests.bridge.unavailable" components={{ code: <code /> }} />
        </p>
      ) : bridge.state === 'listening' && bridge.exportLine ? (
        <>
          <p className="hint">{t('requests.bridge.listening', { port: bridge.port })}</p>
          <div className="export-line">
            <code className="export-code" data-testid="engine-export-line">{bridge.exportLine}</code>
            <button type="button" onClick={() => void copy(bridge.exportLine!)} aria-label={t('requests.bridge.copyLabel')}>{t('requests.bridge.copy')}</button>
          </div>
          <p className="hint" aria-live="polite">{t(`requests.bridge.${copied ?? 'then'}`)}</p>
        </>
      ) : bridge.state === 'failed' ? (
        <p className="status-bad" role="alert">{bridge.message}</p>
      ) : (
        <p className="hint"><Trans i18nKey="requests.bridge.off" components={{ code: <code /> }} /></p>
      )}
    </section>
  )
}
