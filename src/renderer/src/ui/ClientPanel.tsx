// The "Clients" tab: where the terminal's docker CLI runs and which daemon it reaches (DOCKER_HOST, the context),
// quick ways to move it, and the engine bridge that lets a real docker CLI drive this sandbox.
import { useId, useState } from 'react'
import './requests.css'
import { useRequests, useRequestsSnapshot } from './useRequests'

const PLACES: readonly { id: string; label: string; lines: readonly string[] }[] = [
  { id: 'host', label: 'On container-host', lines: ['client use host', 'unset DOCKER_HOST'] },
  { id: 'laptop-macos', label: 'macOS laptop → ssh', lines: ['client use laptop-macos', 'export DOCKER_HOST=ssh://me@container-host'] },
  { id: 'laptop-windows', label: 'Windows laptop → TLS', lines: ['client use laptop-windows', 'export DOCKER_HOST=tcp://container-host:2376'] },
  { id: 'docker-desktop', label: 'Docker Desktop', lines: ['client use docker-desktop', 'unset DOCKER_HOST'] }
]

export function ClientPanel() {
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
        <h3 id="client-now-title" className="client-heading">Where the docker CLI runs</h3>
        <p className="client-label" data-testid="client-label">{client.label}</p>
        <dl className="client-fields">
          <dt><code>DOCKER_HOST</code></dt><dd><code>{client.dockerHost ?? '(not set)'}</code></dd>
          <dt>Context</dt><dd><code>{client.context}</code></dd>
          <dt>Endpoint</dt><dd><code>{client.endpoint}</code> · {client.transport}</dd>
          <dt>Daemon</dt><dd>{client.daemon ?? <span className="status-bad">{client.problem ?? 'none reachable'}</span>}</dd>
        </dl>
        <div className="client-moves" role="group" aria-label="Move the CLI (runs the commands in the terminal)">
          {PLACES.map((place) => (
            <button key={place.id} type="button" disabled={busy} aria-pressed={client.location === place.id && (place.id !== 'host' || client.dockerHost === null)}
              onClick={() => void move(place.lines)} title={place.lines.join('; ')}>{place.label}</button>
          ))}
        </div>
      </section>
      <EngineBridgeSetting />
    </div>
  )
}

function EngineBridgeSetting() {
  const requests = useRequests()
  const bridge = useRequestsSnapshot((s) => s.bridge, (a, b) => a === b)
  const labelId = useId()
  const [copied, setCopied] = useState<string | null>(null)
  const on = bridge.available && (bridge.state === 'listening' || bridge.state === 'starting')
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied('Copied.')
    } catch {
      setCopied('Select the line and copy it (Ctrl+C).')
    }
  }
  return (
    <section className="bridge" aria-labelledby={labelId} data-testid="engine-bridge">
      <h3 id={labelId} className="client-heading">A real docker CLI</h3>
      <button type="button" role="switch" className="switch" aria-checked={on} disabled={!bridge.available || bridge.state === 'starting' || bridge.state === 'stopping'}
        onClick={() => void requests.setBridge(!on)} data-testid="engine-bridge-switch">
        <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
        Serve this sandbox's Engine API on 127.0.0.1
      </button>
      {!bridge.available ? (
        <p className="hint" data-testid="engine-bridge-unavailable">
          This needs the desktop app, which can open a port on your computer. In the browser, run <code>npm run engine</code> in a terminal:
          it serves a headless sandbox of its own for your docker CLI.
        </p>
      ) : bridge.state === 'listening' && bridge.exportLine ? (
        <>
          <p className="hint">Listening on 127.0.0.1:{bridge.port} (loopback only). In your own shell:</p>
          <div className="export-line">
            <code className="export-code" data-testid="engine-export-line">{bridge.exportLine}</code>
            <button type="button" onClick={() => void copy(bridge.exportLine!)} aria-label="Copy the export line">Copy</button>
          </div>
          <p className="hint" aria-live="polite">{copied ?? 'Then docker ps, docker run -d nginx:1.27 … land on container-host here, and each request travels the stage. Keep time running (Play): waits, logs -f and attach follow the sandbox\'s clock.'}</p>
        </>
      ) : bridge.state === 'failed' ? (
        <p className="status-bad" role="alert">{bridge.message}</p>
      ) : (
        <p className="hint">Off. Switched on, a docker CLI on this computer can drive container-host here (<code>export DOCKER_HOST=tcp://127.0.0.1:…</code>).</p>
      )}
    </section>
  )
}
