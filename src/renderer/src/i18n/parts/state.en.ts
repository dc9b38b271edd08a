// English words for the states of instances and hosts (merged into en.ts under `state`). One table for every place
// that names a state: the badges of the panels, the word under an instance on the stage and its tooltip, the
// Break-it lab's sentences and the client box of the requests view. The raw value stays in data attributes and
// filters; a value without a word here is shown as it is (callers pass it as defaultValue).
export const stateEn = {
  // a VM's or a container's lifecycle: docker's and the VM manager's own words
  created: 'created', starting: 'starting', running: 'running', paused: 'paused', exited: 'exited', restarting: 'restarting',
  removed: 'removed', stopped: 'stopped', stopping: 'stopping', crashed: 'crashed', deleted: 'deleted',
  // a host's
  up: 'up', panicked: 'panicked', rebooting: 'rebooting', off: 'off'
}
