// Wires the pieces: the controller (model side), the Pixi scene on the stage element, the React panels, the
// keyboard, the desktop menu and the view side effects (projector, zoom, reduced motion).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { AppShell } from '../ui/AppShell'
import { ControllerContext, useStoreSelector } from '../ui/useController'
import { StackScene, type RendererPreference } from '../scene/StackScene'
import type { Platform } from '../platform/createPlatform'
import type { SimController } from './SimController'
import { installShortcuts } from './keyboard'
import { runMenuAction } from './menuCommands'
import { IsolationLab } from './IsolationLab'
import { LabContext } from '../ui/useLab'
import { RequestController } from './RequestController'
import { RequestsContext } from '../ui/useRequests'
import { LessonController } from './lessonController'
import { LessonsContext } from '../ui/lessons/useLessons'
import { currentLanguage, i18n, t } from '../i18n'

export interface AppProps {
  controller: SimController
  platform: Platform
  preference: RendererPreference
  onScene: (scene: StackScene) => void
}

export function App({ controller, platform, preference, onScene }: AppProps) {
  // the reason the stage could not be drawn; the sentence around it follows the language
  const [stageError, setStageError] = useState<string | null>(null)
  const [uiLanguage, setUiLanguage] = useState(currentLanguage)
  const creating = useRef(false)
  const view = useStoreSelector(controller.store, (s) => s.view)
  const lab = useMemo(() => new IsolationLab(controller), [controller])
  useEffect(() => () => lab.dispose(), [lab])
  const requests = useMemo(() => new RequestController(controller, platform), [controller, platform])
  useEffect(() => () => requests.dispose(), [requests])
  // the lesson player; the e2e build opens its panel only when asked (?learn=1, ?lesson=ID), so other specs see the usual layout
  const lessons = useMemo(() => new LessonController(controller, platform, { autoOpen: new URLSearchParams(window.location.search).get('e2e') !== '1' }), [controller, platform])
  useEffect(() => {
    void lessons.applyLaunchOptions(new URLSearchParams(window.location.search))
    return () => lessons.dispose()
  }, [lessons])

  const stageRef = useCallback((element: HTMLDivElement | null) => {
    if (!element || creating.current) return
    creating.current = true
    const view = controller.viewState
    StackScene.create(element, { preference, projector: view.projector, reducedMotion: view.reducedMotion, translate: t })
      .then((scene) => {
        // the scene lives as long as the page: its labels follow every language change
        i18n.on('languageChanged', () => scene.setTranslate(t))
        controller.attachScene(scene)
        lab.attachScene(scene)
        requests.attachScene(scene, element)
        onScene(scene)
        element.dataset['ready'] = 'true'
        document.body.dataset['pixiRenderer'] = scene.rendererName
      })
      .catch((error: unknown) => {
        setStageError(error instanceof Error ? error.message : String(error))
      })
  }, [controller, lab, requests, preference, onScene])

  useEffect(() => {
    const follow = () => setUiLanguage(currentLanguage())
    i18n.on('languageChanged', follow)
    return () => i18n.off('languageChanged', follow)
  }, [])

  useEffect(() => installShortcuts(controller), [controller])
  useEffect(() => platform.onMenuCommand((action) => runMenuAction(controller, action)), [controller, platform])

  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)')
    const apply = () => controller.setReducedMotion(query.matches)
    query.addEventListener('change', apply)
    return () => query.removeEventListener('change', apply)
  }, [controller])

  useEffect(() => {
    document.documentElement.style.fontSize = `calc(var(--base-size) * ${view.zoom * (view.projector ? 1.25 : 1)})`
    document.documentElement.dataset['theme'] = view.projector ? 'projector' : 'default'
    try {
      window.localStorage.setItem('stacklab.projector', view.projector ? '1' : '0')
    } catch {
      // storage may be unavailable; the preference is a convenience
    }
  }, [view.zoom, view.projector])

  return (
    <ControllerContext.Provider value={controller}>
      <LabContext.Provider value={lab}>
        <RequestsContext.Provider value={requests}>
          <LessonsContext.Provider value={lessons}>
            <AppShell stageRef={stageRef} stageError={stageError === null ? null : t('stage.error', { message: stageError, lng: uiLanguage })} />
          </LessonsContext.Provider>
        </RequestsContext.Provider>
      </LabContext.Provider>
    </ControllerContext.Provider>
  )
}
