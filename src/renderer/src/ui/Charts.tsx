// CPU and memory of each host over virtual time, drawn with uPlot. The samples are plain arrays kept by the
// controller; this panel redraws them twice a second when they changed, without React renders.
// uPlot is not needed for the first frame (the tab opens on the timeline): it, and its stylesheet, load as a
// separate chunk the first time a chart mounts; until then each chart says so.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type uPlot from 'uplot'
import type { ChartData } from './types'
import { useController, useSnapshot } from './useController'
import { formatNumber } from './format'

/** Okabe–Ito blue and orange, told apart by dash too. */
const SERIES_STYLE = [
  { stroke: '#56b4e9', projector: '#0072b2', dash: undefined as number[] | undefined },
  { stroke: '#e69f00', projector: '#a25d00', dash: [6, 4] },
  { stroke: '#cc79a7', projector: '#a0507a', dash: [2, 3] },
  { stroke: '#009e73', projector: '#006b4e', dash: [10, 3, 2, 3] }
]

/** title and unit are keys under panels.charts */
interface ChartSpec { title: string; unit: string; pick: (data: ChartData) => readonly (readonly number[])[]; max?: number }

const CPU: ChartSpec = { title: 'cpu', unit: 'cpuUnit', pick: (d) => d.cpuPercent }
const MEMORY: ChartSpec = { title: 'memory', unit: 'memoryUnit', pick: (d) => d.memoryGib }

/** uPlot and its CSS, fetched once (a same-origin chunk, so the CSP's script-src 'self' allows it). */
let uPlotModule: Promise<typeof uPlot> | null = null
function loadUPlot(): Promise<typeof uPlot> {
  uPlotModule ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default)
  // a failed fetch may be retried on the next mount
  uPlotModule.catch(() => { uPlotModule = null })
  return uPlotModule
}

export function Charts() {
  const { t } = useTranslation()
  const projector = useSnapshot((s) => s.view.projector)
  const hosts = useSnapshot((s) => s.hosts.map((h) => h.name), (a, b) => a.join('|') === b.join('|'))
  return (
    <div className="charts-wrap">
      <ul className="chart-legend" aria-label={t('panels.charts.hosts')}>
        {hosts.map((name, i) => {
          const style = SERIES_STYLE[i % SERIES_STYLE.length]!
          return (
            <li key={name}>
              <svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke={projector ? style.projector : style.stroke}
                strokeWidth={projector ? 3 : 2} strokeDasharray={style.dash?.join(' ')} /></svg> {name}
            </li>
          )
        })}
        <li className="hint">{t('panels.charts.perSecond')}</li>
      </ul>
      <div className="charts" data-testid="charts">
        <Chart spec={CPU} />
        <Chart spec={MEMORY} />
      </div>
    </div>
  )
}

function Chart({ spec }: { spec: ChartSpec }) {
  const { t } = useTranslation()
  const title = t(`panels.charts.${spec.title}`)
  const unit = t(`panels.charts.${spec.unit}`)
  const controller = useController()
  const projector = useSnapshot((s) => s.view.projector)
  const hostRef = useRef<HTMLDivElement>(null)
  const summaryRef = useRef<HTMLParagraphElement>(null)
  // null while uPlot loads, then 'ready', or why it failed
  const [load, setLoad] = useState<null | 'ready' | { error: string }>(null)

  useEffect(() => {
    const element = hostRef.current
    if (!element) return
    let disposed = false
    let dispose = (): void => {}
    loadUPlot().then((UPlot) => {
      if (disposed) return
      setLoad('ready')
      dispose = draw(UPlot, element)
    }, (error: unknown) => {
      if (!disposed) setLoad({ error: error instanceof Error ? error.message : String(error) })
    })
    return () => {
      disposed = true
      dispose()
    }
  }, [controller, spec, projector, t, unit])

  /** Draws into the element and keeps the plot fresh; returns the clean-up. */
  function draw(UPlot: typeof uPlot, element: HTMLDivElement): () => void {
    const data = controller.charts
    let hosts = data.hosts.join('|')
    let plot: uPlot | null = null
    const axisColor = projector ? '#000000' : '#a3adbd'
    const gridColor = projector ? '#d0d0d0' : '#243047'
    const make = () => {
      plot?.destroy()
      plot = new UPlot({
        width: Math.max(120, element.clientWidth),
        height: Math.max(60, element.clientHeight),
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] } },
        axes: [
          { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor }, values: (_u, splits) => splits.map((s) => `${s}s`), size: 24 },
          { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor }, size: 40, values: (_u, splits) => splits.map((s) => `${+s.toFixed(2)}`) }
        ],
        series: [
          {},
          ...data.hosts.map((name, i) => {
            const style = SERIES_STYLE[i % SERIES_STYLE.length]!
            return { label: name, stroke: projector ? style.projector : style.stroke, width: projector ? 3 : 2, dash: style.dash, points: { show: false } }
          })
        ]
      }, [[...data.t], ...spec.pick(data).map((s) => [...s])], element)
    }
    make()
    let version = -1
    const refresh = () => {
      if (data.version === version) return
      version = data.version
      const nextHosts = data.hosts.join('|')
      if (nextHosts !== hosts) {
        hosts = nextHosts
        make()
      } else plot?.setData([[...data.t], ...spec.pick(data).map((s) => [...s])])
      const series = spec.pick(data)
      if (summaryRef.current) {
        summaryRef.current.textContent = data.hosts.map((h, i) => t('panels.charts.latest', { host: h, value: formatNumber(series[i]?.[series[i]!.length - 1] ?? 0), unit })).join(', ')
      }
    }
    refresh()
    const timer = window.setInterval(refresh, 500)
    const observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(120, element.clientWidth), height: Math.max(60, element.clientHeight) }))
    observer.observe(element)
    return () => {
      window.clearInterval(timer)
      observer.disconnect()
      plot?.destroy()
    }
  }

  return (
    <figure className="chart">
      <figcaption>{title} <span className="unit">({unit})</span></figcaption>
      {load !== 'ready' && (
        <p className="hint" role="status" data-testid="chart-loading">
          {load === null ? t('lazy.chart') : t('lazy.failed', { message: load.error })}
        </p>
      )}
      <div className="chart-host" ref={hostRef} role="img" aria-label={t('panels.charts.overTime', { title })} />
      <p className="sr-only" ref={summaryRef} aria-live="off" />
    </figure>
  )
}
