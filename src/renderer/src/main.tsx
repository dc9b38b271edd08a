// The renderer's entry: pick the platform, restore the autosave, start the loop, mount React.
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { SimController } from './app/SimController'
import { Autosaver } from './app/Autosaver'
import { installTestHooks } from './app/testHooks'
import { createPlatform } from './platform/createPlatform'
import { currentLanguage, i18n, languageReady } from './i18n'
import { StackScene, type RendererPreference } from './scene/StackScene'

function rendererPreference(params: URLSearchParams): RendererPreference {
  const value = params.get('renderer')
  return value === 'canvas' || value === 'webgpu' || value === 'webgl' ? value : 'webgl'
}

function storedProjector(): boolean {
  try {
    return window.localStorage.getItem('stacklab.projector') === '1'
  } catch {
    return false
  }
}

async function main(): Promise<void> {
  // the stage (Pixi) is a chunk of its own: start fetching it now, while the autosave loads and React renders
  StackScene.preload()
  // German is a chunk of its own: the autosave's notices and the first render are already in the chosen language
  await languageReady
  const params = new URLSearchParams(window.location.search)
  const platform = createPlatform()
  // the desktop app's menu, dialog filters and messages follow the page's language: now (before the autosave is
  // read, so its messages already match) and at every switch
  platform.setLanguage(currentLanguage())
  i18n.on('languageChanged', () => platform.setLanguage(currentLanguage()))
  const speed = Number(params.get('speed'))
  const controller = new SimController({
    platform,
    projector: params.has('projector') ? params.get('projector') !== '0' : storedProjector(),
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    playing: params.get('paused') !== '1',
    ...(speed > 0 ? { speed } : {})
  })
  let scene: StackScene | null = null
  if (params.get('e2e') === '1') installTestHooks(controller, () => scene)
  const autosaver = new Autosaver(platform, controller)
  if (params.get('autosave') !== 'off') {
    await autosaver.restore()
    autosaver.start()
  }
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root')
  const onScene = (created: StackScene): void => {
    scene = created
  }
  createRoot(root).render(<App controller={controller} platform={platform} preference={rendererPreference(params)} onScene={onScene} />)
  controller.start()
  document.body.dataset['appReady'] = 'true'
}

void main()
