// Deutsch: the state words (merged into de.ts under `state`); the same keys as state.en.ts.
export const stateDe = {
  // `stopping` is only a VM's state (a container has none): its guest OS shuts down, so "fährt herunter"
  created: 'erstellt', starting: 'startet', running: 'läuft', paused: 'pausiert', exited: 'beendet', restarting: 'startet neu',
  removed: 'entfernt', stopped: 'gestoppt', stopping: 'fährt herunter', crashed: 'abgestürzt', deleted: 'gelöscht',
  up: 'läuft', panicked: 'Kernel Panic', rebooting: 'startet neu', off: 'aus'
}
