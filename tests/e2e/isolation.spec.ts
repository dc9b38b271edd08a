// The isolation lab from the UI: break things on purpose and read the blast radius on the panel, on the stage and
// in the report; rewind to the checkpoint taken before; run the leak again with a memory limit; and run the same
// fault on both stacks. Virtual time moves only through the Step control, so every outcome is deterministic.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { countColor, decodePng, jump, openApp, report, runLines, terminalText } from './support'

interface LabInstance { kind: string; name: string; state: string; exitCode: number | null; oomKilled: boolean; limits: { memoryMb: number | null } }
interface LabReport { hosts: { name: string; state: string; memoryUsedMb: number; memoryMb: number }[]; instances: LabInstance[] }

async function labReport(page: Page): Promise<LabReport> {
  return (await report(page)) as unknown as LabReport
}

async function find(page: Page, name: string): Promise<LabInstance> {
  const found = (await labReport(page)).instances.find((i) => i.name === name)
  if (!found) throw new Error(`${name} is not in the report`)
  return found
}

async function hostState(page: Page, name: string): Promise<string | undefined> {
  return (await labReport(page)).hosts.find((h) => h.name === name)?.state
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

/** Pixels of the stage in a colour: the blast badges are drawn in flat fills. */
async function stagePixels(page: Page, color: number): Promise<number> {
  await page.waitForTimeout(150)
  return countColor(decodePng(await page.getByTestId('stage').locator('canvas').screenshot()), color)
}

const HIT_FILL = 0xb91c1c
const SAFE_FILL = 0x166534

test('a kernel panic from a container takes its host down; from a VM only that VM; rewind undoes each', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await runLines(page, [
    'docker run -d --name web --restart always nginx:1.27', 'docker run -d --name cache redis:7',
    'vm create app --os alpine-3.20', 'vm start app', 'vm create db --os alpine-3.20', 'vm start db', 'wait 10s'
  ])
  await page.getByTestId('side-tab-lab').click()
  const panel = page.getByTestId('fault-panel')
  await expect(panel).toContainText('Choose a VM or a container above')

  // from a container: the shared kernel panics
  await page.getByTestId('lab-target-select').selectOption({ label: 'Container web' })
  await panel.getByTestId('fault-panic').click()
  const caption = panel.getByTestId('blast-caption')
  await expect(caption).toContainText("The container shared container-host's kernel, so its panic took down both containers on container-host.")
  await expect(caption).toContainText('The VMs on vm-host run their own kernels and kept going.')
  await expect(page.getByTestId('blast-live')).toContainText("shared container-host's kernel")
  await expect(panel.getByTestId('blast-container-web')).toHaveAttribute('data-verdict', 'hit')
  await expect(panel.getByTestId('blast-container-web')).toContainText('exited (255)')
  await expect(panel.getByTestId('blast-container-cache')).toHaveAttribute('data-verdict', 'hit')
  await expect(panel.getByTestId('blast-vm-app')).toHaveAttribute('data-verdict', 'safe')
  await expect(panel.getByTestId('blast-host-container-host')).toContainText('kernel panicked; reboots in about 60 s')
  await expect(panel.getByTestId('boundary-failed')).toContainText('the one kernel of container-host')
  // the report agrees
  expect(await hostState(page, 'container-host')).not.toBe('up')
  expect(await find(page, 'web')).toMatchObject({ state: 'exited', exitCode: 255 })
  expect(await find(page, 'cache')).toMatchObject({ state: 'exited', exitCode: 255 })
  expect((await find(page, 'app')).state).toBe('running')
  // the stage's screen-reader layer list shows the states too
  await expect(page.locator('[data-testid=layer-list] button', { hasText: 'Container cache' })).toContainText('exited')
  await expect(page.locator('[data-testid=layer-list] button', { hasText: 'VM app' })).toContainText('running')
  // the checkpoint and the fault went through the terminal
  expect(await terminalText(page)).toContain('$ checkpoint before-panic-1')
  expect(await terminalText(page)).toContain('$ fault panic web')
  // the stage marks the hit and the safe with badges
  expect(await stagePixels(page, HIT_FILL)).toBeGreaterThan(150)
  expect(await stagePixels(page, SAFE_FILL)).toBeGreaterThan(150)
  expect(await seriousViolations(page)).toEqual([])

  // time passes: the host reboots, the restart policy brings web back, cache stays down
  await jump(page, 10_000, 7)
  await expect(caption).toContainText('The host rebooted; web came back through its restart policy and cache stayed down.')
  expect((await find(page, 'web')).state).toBe('running')

  // rewind: everything as it was just before
  await panel.getByTestId('rewind-before').click()
  await expect(panel.getByTestId('blast')).toHaveAttribute('data-status', 'rewound')
  await expect(panel.getByTestId('blast-caption')).toContainText('Rewound to before-panic-1')
  expect(await hostState(page, 'container-host')).toBe('up')
  expect((await find(page, 'cache')).state).toBe('running')
  expect(await stagePixels(page, HIT_FILL)).toBeLessThan(20)

  // from a VM: its own kernel panics, nothing else falls
  await page.getByTestId('lab-target-select').selectOption({ label: 'VM app' })
  await panel.getByTestId('fault-panic').click()
  await expect(caption).toContainText('VM app runs its own kernel, so its panic took down that VM alone.')
  await expect(caption).toContainText('db, web and cache kept running')
  await expect(panel.getByTestId('blast-vm-app')).toHaveAttribute('data-verdict', 'hit')
  await expect(panel.getByTestId('blast-container-web')).toHaveAttribute('data-verdict', 'safe')
  await expect(panel.getByTestId('boundary-held')).toContainText('the hypervisor on vm-host')
  expect((await find(page, 'app')).state).toBe('crashed')
  expect((await find(page, 'db')).state).toBe('running')
  expect(await hostState(page, 'vm-host')).toBe('up')
  await page.getByTestId('side-tab-inspector').click()
  await expect(page.getByTestId('inspection-vm-app')).toContainText('crashed')
  await page.getByTestId('side-tab-lab').click()
  await panel.getByTestId('rewind-before').click()
  await expect(panel.getByTestId('blast')).toHaveAttribute('data-status', 'rewound')
  expect((await find(page, 'app')).state).toBe('running')
  expect(await terminalText(page)).toContain('$ rewind before-panic-2')
})

test('a leak without a limit meets the host OOM killer; run again with --memory, the cgroup ends it alone', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await runLines(page, ['docker run -d --name web nginx:1.27', 'docker run -d --name cache redis:7', 'vm create app --os alpine-3.20', 'vm start app', 'wait 10s'])
  await page.getByTestId('side-tab-lab').click()
  const panel = page.getByTestId('fault-panel')
  await page.getByTestId('lab-target-select').selectOption({ label: 'Container web' })
  await panel.getByTestId('leak-rate').selectOption('2000')
  await panel.getByTestId('fault-leak').click()
  const caption = panel.getByTestId('blast-caption')
  await expect(caption).toContainText('Container web is leaking 2.0 GiB/s with no memory limit')
  await expect(panel.getByTestId('blast-now')).toContainText("of container-host's RAM still free")
  expect(await terminalText(page)).toContain('$ fault leak web --rate 2000m/s')

  // jump ahead until the host runs out of memory
  await jump(page, 10_000, 4)
  await expect(caption).toContainText("when it ran out, the host's OOM killer ended web (exit 137)")
  await expect(panel.getByTestId('blast-container-web')).toHaveAttribute('data-verdict', 'hit')
  await expect(panel.getByTestId('blast-container-web')).toContainText('OOM-killed (exit 137)')
  await expect(panel.getByTestId('blast-container-cache')).toHaveAttribute('data-verdict', 'safe')
  await expect(panel.getByTestId('boundary-failed')).toContainText("container-host's RAM")
  expect(await find(page, 'web')).toMatchObject({ state: 'exited', exitCode: 137, oomKilled: true })
  expect((await find(page, 'cache')).state).toBe('running')
  expect(await hostState(page, 'container-host')).toBe('up')

  // the suggestion: rewind, recreate web with a memory limit, leak again
  const again = panel.getByTestId('run-again-limit')
  await expect(again).toHaveText('Run again with --memory 256m')
  await again.click()
  await expect(caption).toContainText('towards its memory limit of 256 MiB')
  const terminal = await terminalText(page)
  expect(terminal).toContain('$ rewind before-leak-1')
  expect(terminal).toContain('$ docker run -d --name web --memory 256m nginx:1.27')
  expect(terminal).toContain('$ checkpoint before-leak-2')
  await jump(page, 1000)
  await expect(caption).toContainText("Container web reached its memory limit (memory.max 256 MiB), so its own cgroup's OOM killer ended it: exit 137, OOMKilled true.")
  await expect(caption).toContainText('Nothing else was touched')
  await expect(panel.getByTestId('boundary-held')).toContainText("web's cgroup limit (memory.max 256 MiB)")
  await expect(panel.getByTestId('blast-container-cache')).toHaveAttribute('data-verdict', 'safe')
  await expect(panel.getByTestId('blast-host-container-host')).toHaveAttribute('data-verdict', 'safe')
  expect(await find(page, 'web')).toMatchObject({ state: 'exited', exitCode: 137, oomKilled: true, limits: { memoryMb: 256 } })
  expect((await find(page, 'cache')).state).toBe('running')
  // the inspector says so as well (the recreated web stays selected)
  await expect(panel.getByTestId('lab-target-select')).toHaveValue(/^ctr:/)
  await page.getByTestId('side-tab-inspector').click()
  await expect(page.getByTestId('inspection-container-web')).toContainText('exit code 137 (OOM-killed)')
  await page.getByTestId('side-tab-lab').click()

  // rewind: web runs again, with its limit
  await panel.getByTestId('rewind-before').click()
  await expect(panel.getByTestId('blast')).toHaveAttribute('data-status', 'rewound')
  expect(await find(page, 'web')).toMatchObject({ state: 'running', limits: { memoryMb: 256 } })
})

test('same fault, both stacks: a panic side by side, and the processes inside vs from the host', async ({ page }) => {
  await openApp(page, { paused: '1' })
  await page.getByTestId('side-tab-lab').click()
  const panel = page.getByTestId('fault-panel')
  await panel.getByTestId('compare-fault').selectOption('panic')
  await panel.getByTestId('compare-run').click()
  await expect(panel.getByTestId('comparison')).toBeVisible({ timeout: 15_000 })
  await expect(panel.getByTestId('compare-container-state')).toHaveText('exited (exit 255)')
  await expect(panel.getByTestId('compare-vm-state')).toHaveText('crashed')
  await expect(panel.getByTestId('compare-container-its-host')).toContainText('kernel panicked')
  await expect(panel.getByTestId('compare-vm-its-host')).toHaveText('kept running')
  await expect(panel.getByTestId('compare-caption-vm')).toContainText('VM nginx-vm runs its own kernel')
  expect(await find(page, 'nginx-ctr')).toMatchObject({ state: 'exited', exitCode: 255 })
  expect((await find(page, 'nginx-vm')).state).toBe('crashed')
  expect(await hostState(page, 'vm-host')).toBe('up')
  expect(await seriousViolations(page)).toEqual([])

  await panel.getByTestId('rewind-before').click()
  await expect(panel.getByTestId('blast')).toHaveAttribute('data-status', 'rewound')
  expect((await find(page, 'nginx-ctr')).state).toBe('running')
  expect((await find(page, 'nginx-vm')).state).toBe('running')

  // inside vs from the host: PID 1 is the app inside; outside it is a host PID under the containerd shim
  await page.getByTestId('side-tab-inspector').click()
  await page.getByTestId('inspector-select').selectOption({ label: 'Container nginx-ctr' })
  const inside = page.getByTestId('processes-inside')
  const host = page.getByTestId('processes-host')
  await expect(inside).toContainText('PID 1')
  await expect(inside).toContainText('nginx -g daemon off;')
  await expect(host).toContainText('containerd-shim-runc-v2')
  // the host PIDs are docker top's
  await runLines(page, ['docker top nginx-ctr'])
  const top = (await terminalText(page)).split('\n').find((l) => l.includes('nginx -g daemon off;'))!
  const mainPid = top.trim().split(/\s+/)[1]!
  await expect(host).toContainText(`PID ${mainPid}`)
  await expect(page.getByTestId('process-view')).toContainText('PIDs are illustrative')
  // a VM: its own PID 1 inside; one qemu process with a thread per vCPU outside
  await page.getByTestId('inspector-select').selectOption({ label: 'VM nginx-vm' })
  await expect(inside).toContainText('/sbin/init')
  await expect(host).toContainText('qemu-system-x86_64 -enable-kvm -name guest=nginx-vm')
  await expect(host).toContainText('CPU 0/KVM')
})
