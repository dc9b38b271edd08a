// The physical machine at the bottom of a column: its cores (lit by load), a RAM bar and a disk bar.
import { BitmapText, Container, Sprite, Texture, type Text } from 'pixi.js'
import type { HostState } from '../../../sim/index.ts'
import { LayerBlock } from './LayerBlock'
import { HoverZone } from './HoverZone'
import { Meter } from './Meter'
import type { Palette } from './palette'
import { fitText, makeCounter, makeLabel, restyle } from './text'
import { formatMb, formatPercent } from './format'
import type { Translate } from './types'

const MAX_CORE_SQUARES = 64

export class HardwareView extends Container {
  readonly block: LayerBlock
  readonly coresZone = new HoverZone('cores')
  readonly ramZone = new HoverZone('ram')
  readonly diskZone = new HoverZone('disk')
  private readonly title: Text
  private readonly spec: Text
  private readonly cpuText: BitmapText
  private readonly ramLabel: Text
  private readonly diskLabel: Text
  private readonly ramText: BitmapText
  private readonly diskText: BitmapText
  private readonly ramMeter = new Meter()
  private readonly diskMeter = new Meter()
  private readonly cores: Sprite[] = []
  private palette: Palette
  private fontSize = 11
  private coreCount = 0
  private shownCpu = -1
  private shownRam = -1
  private shownDisk = -1
  private specCores = -1
  private specMemoryMb = -1
  private specDiskMb = -1
  private ramWord = ''
  private diskWord = ''

  constructor(palette: Palette, private readonly tr: Translate) {
    super()
    this.palette = palette
    this.block = new LayerBlock('hardware', 'hardware', palette)
    const on = palette.onFill.hardware
    this.title = makeLabel(palette, { size: 12, color: on, weight: 'bold' })
    this.spec = makeLabel(palette, { size: 10, color: on })
    this.cpuText = makeCounter(palette, { size: 10, color: on })
    this.ramLabel = makeLabel(palette, { size: 10, color: on, weight: 'bold' })
    this.diskLabel = makeLabel(palette, { size: 10, color: on, weight: 'bold' })
    this.ramText = makeCounter(palette, { size: 10, color: on })
    this.diskText = makeCounter(palette, { size: 10, color: on })
    this.setStaticLabels()
    for (let i = 0; i < MAX_CORE_SQUARES; i++) {
      const core = new Sprite(Texture.WHITE)
      core.eventMode = 'none'
      core.visible = false
      this.cores.push(core)
      this.coresZone.addChild(core)
    }
    this.coresZone.addChild(this.cpuText)
    this.ramZone.addChild(this.ramLabel, this.ramText, this.ramMeter)
    this.diskZone.addChild(this.diskLabel, this.diskText, this.diskMeter)
    this.block.addChild(this.title, this.spec)
    this.addChild(this.block, this.coresZone, this.ramZone, this.diskZone)
    this.applyPalette()
  }

  setHost(hostName: string): void {
    for (const zone of [this.block, this.coresZone, this.ramZone, this.diskZone]) {
      zone.layerId = `${zone.kind}@${hostName}`
      zone.subject = hostName
    }
  }

  /** Writes every label again in the current language. */
  relabel(): void {
    this.setStaticLabels()
    this.specCores = -1
    this.shownCpu = this.shownRam = this.shownDisk = -1
  }

  setPalette(palette: Palette): void {
    this.palette = palette
    this.block.setPalette(palette)
    this.applyPalette()
    this.coreCount = -1
    this.shownCpu = this.shownRam = this.shownDisk = -1
  }

  layout(width: number, height: number, fontSize: number): void {
    this.fontSize = fontSize
    this.applyPalette()
    this.block.setSize(width, height, 6)
    const pad = Math.round(fontSize * 0.7)
    const leftW = Math.round(width * 0.34)
    this.title.position.set(pad, pad)
    this.spec.position.set(pad, pad + Math.round(fontSize * 1.55))
    this.spec.style.lineHeight = Math.round(fontSize * 1.25)
    this.specCores = -1
    const coresX = leftW
    const coresW = Math.round(width * 0.27)
    this.coresZone.setArea(coresX, pad, coresW, height - pad * 2)
    const metersX = coresX + coresW + pad
    const metersW = width - metersX - pad
    const rowH = (height - pad * 2) / 2
    this.ramZone.setArea(metersX, pad, metersW, rowH)
    this.diskZone.setArea(metersX, pad + rowH, metersW, rowH)
    for (const [label, meter] of [[this.ramLabel, this.ramMeter], [this.diskLabel, this.diskMeter]] as const) {
      label.position.set(0, 0)
      meter.position.set(0, Math.round(fontSize * 1.3))
      meter.setSize(metersW, Math.max(4, Math.round(rowH - fontSize * 1.3 - 4)))
    }
    this.coreCount = -1
    this.shownCpu = this.shownRam = this.shownDisk = -1
  }

  update(host: HostState): void {
    if (this.coreCount !== host.cores) this.layoutCores(host.cores)
    // spec line: changes only when the host is reconfigured
    if (this.specCores !== host.cores || this.specMemoryMb !== host.memoryMb || this.specDiskMb !== host.diskMb) {
      this.specCores = host.cores
      this.specMemoryMb = host.memoryMb
      this.specDiskMb = host.diskMb
      this.spec.text = this.tr('stage.hardware.spec', { count: host.cores, memory: formatMb(host.memoryMb), disk: formatMb(host.diskMb) })
    }
    const cpu = Math.round(host.cpuPercent * 10) / 10
    if (cpu !== this.shownCpu) {
      this.shownCpu = cpu
      this.cpuText.text = this.tr('stage.hardware.cpu', { percent: formatPercent(cpu) })
      const squares = Math.min(host.cores, MAX_CORE_SQUARES)
      const busy = (cpu / 100) * squares
      const p = this.palette
      for (let i = 0; i < squares; i++) {
        const f = busy - i
        const core = this.cores[i]!
        if (f > 0) {
          core.tint = p.coreBusy
          core.alpha = f >= 1 ? 1 : 0.4 + 0.6 * f
        } else {
          core.tint = p.coreIdle
          core.alpha = 1
        }
      }
    }
    const ram = Math.round(host.memoryUsedMb)
    if (ram !== this.shownRam) {
      this.shownRam = ram
      this.ramMeter.setFraction(host.memoryUsedMb / host.memoryMb)
      this.ramText.text = `${formatMb(host.memoryUsedMb)} / ${formatMb(host.memoryMb)}`
      this.ramText.x = this.ramZone.zoneWidth - this.ramText.width
      // a long word (another language) gives way to the figure rather than running under it
      fitText(this.ramLabel, this.ramWord, this.ramText.x - 4)
    }
    const disk = Math.round(host.diskUsedMb)
    if (disk !== this.shownDisk) {
      this.shownDisk = disk
      this.diskMeter.setFraction(host.diskUsedMb / host.diskMb)
      this.diskText.text = `${formatMb(host.diskUsedMb)} / ${formatMb(host.diskMb)}`
      this.diskText.x = this.diskZone.zoneWidth - this.diskText.width
      fitText(this.diskLabel, this.diskWord, this.diskText.x - 4)
    }
  }

  private setStaticLabels(): void {
    // the RAM and disk words are drawn (fitted beside their figures) by the next update()
    this.ramWord = this.tr('stage.hardware.ram')
    this.diskWord = this.tr('stage.hardware.disk')
    this.title.text = this.tr('stage.hardware.title')
  }

  private layoutCores(count: number): void {
    this.coreCount = count
    const squares = Math.min(count, MAX_CORE_SQUARES)
    const zoneW = this.coresZone.zoneWidth
    const labelH = Math.round(this.fontSize * 1.4)
    const zoneH = this.coresZone.zoneHeight - labelH
    const rows = squares <= 16 ? 2 : 4
    const cols = Math.ceil(squares / rows)
    const gap = 2
    const size = Math.max(2, Math.floor(Math.min((zoneW - gap * (cols - 1)) / cols, (zoneH - gap * (rows - 1)) / rows)))
    for (let i = 0; i < MAX_CORE_SQUARES; i++) {
      const core = this.cores[i]!
      core.visible = i < squares
      if (!core.visible) continue
      core.width = size
      core.height = size
      core.position.set((i % cols) * (size + gap), labelH + Math.floor(i / cols) * (size + gap))
    }
    this.cpuText.position.set(0, 0)
    this.shownCpu = -1
  }

  private applyPalette(): void {
    const p = this.palette
    const on = p.onFill.hardware
    const size = this.fontSize
    const small = Math.max(8, Math.round(size * 0.9))
    restyle(this.title, p, { size: Math.round(size * 1.1), color: on, weight: 'bold' })
    restyle(this.spec, p, { size: small, color: on })
    restyle(this.cpuText, p, { size: small, color: on })
    restyle(this.ramLabel, p, { size: small, color: on, weight: 'bold' })
    restyle(this.diskLabel, p, { size: small, color: on, weight: 'bold' })
    restyle(this.ramText, p, { size: small, color: on })
    restyle(this.diskText, p, { size: small, color: on })
    this.ramMeter.setColors(p.meterTrack, p.meterRam)
    this.diskMeter.setColors(p.meterTrack, p.meterDisk)
  }
}
