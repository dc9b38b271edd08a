// The event log in both languages: every event the sandbox's usual paths produce is rebuilt word for word in
// English (so the English log reads as the simulation wrote it) and fully translated in German.
import { afterAll, describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { TestWorld } from '../../../../tests/support/TestWorld.ts'
import { EVENT_PATTERNS, eventText } from '../ui/eventText'


async function busyWorld(): Promise<TestWorld> {
  const t = new TestWorld()
  await t.ok('host set container-host --hypervisor kvm')
  await t.ok('docker pull nginx:1.27')
  await t.ok('docker pull redis:7')
  await t.ok('vm create db --os ubuntu-24.04')
  await t.ok('vm start db')
  await t.ok('vm create side --os alpine-3.20 --host container-host')
  await t.ok('vm start side')
  await t.ok('docker run -d --name web --restart always nginx:1.27')
  await t.ok('docker run -d --name cache --restart unless-stopped redis:7')
  await t.ok('docker run -d --name leaky -m 64m nginx:1.27')
  await t.ok('docker run -d --name batch nginx:1.27')
  await t.ok('docker run -d --name priv --privileged nginx:1.27')
  t.advance('10s')
  await t.run('docker pause batch', 'docker unpause batch', 'docker stop batch', 'docker rm batch')
  await t.run('vm pause db', 'vm resume db')
  await t.run('fault escape cache', 'fault escape db', 'fault escape priv')
  await t.ok('fault leak db --rate 500m/s')
  await t.ok('fault leak leaky --rate 50m/s')
  t.advance('30s')
  await t.run('fault fork-bomb cache')
  t.advance('30s')
  await t.run('fault panic web')
  t.advance('120s')
  await t.run('vm stop db')
  t.advance('10s')
  return t
}

describe('eventText', () => {
  afterAll(async () => { await i18n.changeLanguage('en') })

  it('reads every known event back word for word in English and translates it all in German', async () => {
    const t = await busyWorld()
    const events = t.world.state.events.filter((e) => EVENT_PATTERNS[e.type])
    const types = new Set(events.map((e) => e.type))
    // the run covers the common paths (boots, crashes, restarts, OOM kills, escapes)
    for (const type of ['vm.started', 'vm.crashed', 'container.started', 'container.exited', 'container.oomKilled', 'host.panicked', 'fault.escaped', 'fault.escapeBlocked']) {
      expect(types, type).toContain(type)
    }
    await i18n.changeLanguage('en')
    for (const e of events) {
      // a plural the English log now spells right ("1 layer")
      if (/\(1 (layers|bytes)\)$/.test(e.message)) continue
      expect(eventText(i18n.t, e), e.type).toBe(e.message)
    }
    await i18n.changeLanguage('de')
    for (const e of events) {
      const text = eventText(i18n.t, e)
      expect(text, e.message).not.toBe(e.message)
      expect(text).not.toMatch(/\{\{|panels\./)
    }
    // a reason inside the message is translated too, and decimals use the German comma
    const started = events.find((e) => e.type === 'vm.started')!
    expect(eventText(i18n.t, started)).toMatch(/^VM \S+ ist nach \d+,\d s hochgefahren$/)
    const panic = events.find((e) => e.type === 'host.panicked')!
    expect(eventText(i18n.t, panic)).toContain('hat eine Kernel Panic im Kernel des Hosts ausgelöst')
  })

  it('shows an unknown event or an unexpected message as it came', async () => {
    await i18n.changeLanguage('de')
    expect(eventText(i18n.t, { type: 'world.somethingNew', message: 'something new happened' })).toBe('something new happened')
    expect(eventText(i18n.t, { type: 'vm.started', message: 'VM x booted differently' })).toBe('VM x booted differently')
    expect(eventText(i18n.t, { type: 'vm.crashed', message: 'VM x went down: a reason nobody wrote yet' })).toBe('VM x ist ausgefallen: a reason nobody wrote yet')
  })
})
