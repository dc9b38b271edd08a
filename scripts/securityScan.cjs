// Static security scan of src/ with @doyensec/electronegativity, through its API (its CLI exits 0 even on HIGH
// findings), offline. `npm run scan` prints every finding and exits 1 on any HIGH one, or when a file of the
// Electron main/preload code cannot be parsed (a file the scanner cannot read is a file it did not check).
//
// Offline: electronegativity fetches its translations (i18n) and Electron's release list (the
// AVAILABLE_SECURITY_FIXES global check) from the internet on every run. Stacklab sends no traffic beyond
// loopback, so before the scanner loads, this script (1) answers `got` — the only HTTP client it uses — with an
// "offline" rejection, which it already handles (English messages, check skipped), and (2) refuses any socket to
// a non-loopback address, so a future version that reaches out some other way fails loudly instead of quietly.
// The security-fixes check is excluded: the Electron version is pinned in package.json and upgraded on purpose.
'use strict'
const Module = require('node:module')
const net = require('node:net')
const path = require('node:path')

const attempts = []
const offline = () => Promise.reject(new Error('offline: Stacklab sends no traffic beyond loopback'))
const gotStub = Object.assign(() => offline(), { head: offline, get: offline, post: offline, extend: () => gotStub })
const originalLoad = Module._load
Module._load = function load(request, parent, isMain) {
  if (request === 'got') return gotStub
  return originalLoad.call(this, request, parent, isMain)
}
const originalConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function connect(...args) {
  const opts = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] }
  const host = String(opts.host ?? 'localhost')
  if (!opts.path && !['localhost', '127.0.0.1', '::1'].includes(host)) {
    attempts.push(host)
    throw new Error(`securityScan: refused a connection to ${host} (loopback only)`)
  }
  return originalConnect.apply(this, args)
}

const ROOT = path.resolve(__dirname, '..')
/** Files whose parse failure fails the scan: the code that runs with Electron's privileges. */
const MUST_PARSE = /^src\/(main|preload|shared)\//

async function scan(input = path.join(ROOT, 'src')) {
  const run = require('@doyensec/electronegativity')
  const electron = require(path.join(ROOT, 'package.json')).devDependencies.electron
  const quiet = console.log
  console.log = () => {} // the library logs its translation fallback; our report says what matters
  let result
  try {
    result = await run({
      input,
      output: undefined,
      isRelative: true,
      severitySet: 'informational',
      confidenceSet: 'tentative',
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      electronVersionOverride: electron,
      parserPlugins: []
    }, false)
  } finally {
    console.log = quiet
  }
  const rel = (f) => path.relative(ROOT, path.isAbsolute(f) ? f : path.join(input, f)).split(path.sep).join('/')
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: rel(i.file),
    line: i.location?.line ?? 0,
    manualReview: Boolean(i.manualReview),
    description: i.description
  }))
  const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: rel(e.file), message: e.message }))
  return { checks: result.globalChecks + result.atomicChecks, findings, parseErrors, networkAttempts: [...attempts] }
}

/** The verdict: HIGH findings and unparsed privileged files fail; everything else is listed for review. */
function verdict(report) {
  const high = report.findings.filter((f) => f.severity === 'HIGH')
  const unparsed = report.parseErrors.filter((e) => MUST_PARSE.test(e.file))
  return { ok: high.length === 0 && unparsed.length === 0 && report.networkAttempts.length === 0, high, unparsed }
}

module.exports = { scan, verdict }

if (require.main === module) {
  scan(process.argv[2] ? path.resolve(process.argv[2]) : undefined).then((report) => {
    const v = verdict(report)
    console.log(`electronegativity: ${report.checks} checks over ${process.argv[2] ?? 'src/'} (offline; security-fixes check excluded)`)
    for (const f of report.findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.line}${f.manualReview ? '  (review)' : ''}`)
    for (const e of report.parseErrors) console.log(`  PARSE ERROR   ${e.file}: ${e.message}`)
    for (const h of report.networkAttempts) console.log(`  NETWORK       refused a connection to ${h}`)
    const by = (s) => report.findings.filter((f) => f.severity === s).length
    console.log(`findings: ${by('HIGH')} high, ${by('MEDIUM')} medium, ${by('LOW')} low, ${by('INFORMATIONAL')} informational; ` +
      `${report.parseErrors.length} files not parsed (${v.unparsed.length} of them privileged)`)
    if (!v.ok) {
      console.error('securityScan: FAILED — high findings, unparsed main/preload files or network attempts (listed above)')
      process.exit(1)
    }
  }, (err) => {
    console.error(`securityScan: the scanner failed: ${err && err.stack ? err.stack : err}`)
    process.exit(2)
  })
}
