// English strings shown while a part of the UI that loads on demand (its code is a separate chunk) is on its way
// (merged into en.ts under `lazy`).
export const lazyEn = {
  chart: 'Loading the chart…',
  editor: 'Loading the editor…',
  terminal: 'Loading the terminal…',
  failed: 'This part could not be loaded ({{message}}). Reload the page to try again.'
}
