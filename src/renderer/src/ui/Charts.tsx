// CPU and memory of each host over virtual time, drawn with uPlot. The samples are plain arrays kept by the
// controller; this panel redraws them twice a second when they changed, without React renders.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
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

  useEffect(() => {
    const element = hostRef.current
    if (!element) return
    const data = controller.charts
    let hosts = data.hosts.join('|')
    let plot: uPlot | null = null
    const axisColor = projector ? '#000000' : '#a3adbd'
    const gridColor = projector ? '#d0d0d0' : '#243047'
    const make = () => {
      plot?.destroy()
      plot = new uPlot({
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
  }, [controller, spec, projector, t, unit])

  return (
    <figure className="chart">
      <figcaption>{title} <span className="unit">({unit})</span></figcaption>
      <div className="chart-host" ref={hostRef} role="img" aria-label={t('panels.charts.overTime', { title })} />
      <p className="sr-only" ref={summaryRef} aria-live="off" />
    </figure>
  )
}
