// Layering rule, deny by default (after VS Code's code-layering): every linted source file must belong to a
// zone, and may import only the zones and packages that zone allows. See STYLE in README ("Layers").
import path from 'node:path'

/** zone name → { match: path prefix (posix, from repo root), allow: zones, packages: allowed bare specifiers (prefix match) } */
export const ZONES = [
  { name: 'sim', match: 'src/sim/', allow: ['sim'], packages: ['xstate'] },
  { name: 'engine-api', match: 'src/engine-api/', allow: ['engine-api', 'sim'], packages: ['node:'] },
  { name: 'cli', match: 'src/cli/', allow: ['cli', 'engine-api', 'sim'], packages: ['node:'] },
  { name: 'shared', match: 'src/shared/', allow: ['shared'], packages: ['zod'] },
  // lessons: the lesson format, the objective language and the checker; runs headless like the simulation
  { name: 'lessons', match: 'src/lessons/', allow: ['lessons', 'sim', 'cli', 'engine-api'], packages: ['zod', 'node:'] },
  // main serves the Engine API for the engine bridge (src/engine-api/http, node:http only); the world stays in the renderer
  { name: 'main', match: 'src/main/', allow: ['main', 'shared', 'engine-api'], packages: ['electron', 'zod', 'node:'] },
  { name: 'preload', match: 'src/preload/', allow: ['preload', 'shared'], packages: ['electron'] },
  { name: 'ui', match: 'src/renderer/src/ui/', allow: ['ui', 'shared', 'sim', 'i18n', 'lessons'],
    packages: ['react', 'react-dom', '@xterm/', 'uplot', 'i18next', 'react-i18next', '@codemirror/', 'codemirror'] },
  { name: 'scene', match: 'src/renderer/src/scene/', allow: ['scene', 'sim', 'shared'], packages: ['pixi.js'] },
  { name: 'platform', match: 'src/renderer/src/platform/', allow: ['platform', 'shared'], packages: [] },
  { name: 'i18n', match: 'src/renderer/src/i18n/', allow: ['i18n'], packages: ['i18next', 'react-i18next'] },
  { name: 'app', match: 'src/renderer/src/', allow: ['app', 'ui', 'scene', 'platform', 'i18n', 'sim', 'cli', 'engine-api', 'shared', 'lessons'],
    packages: ['react', 'react-dom', 'pixi.js', 'xstate', 'zod'] },
  { name: 'tests', match: 'tests/', allow: '*', packages: '*' },
  { name: 'scripts', match: 'scripts/', allow: '*', packages: '*' },
  { name: 'rules', match: 'eslint-rules/', allow: '*', packages: '*' }
]

export function zoneOf(relPath) {
  // first match wins, so the more specific renderer zones are listed before 'app'
  return ZONES.find((z) => relPath.startsWith(z.match)) ?? null
}

const ROOT_CONFIG = /^[^/]+\.(c|m)?(t|j)s$/ // config files at the repo root (vite, eslint, playwright…)

export default {
  meta: {
    type: 'problem',
    docs: { description: 'enforce Stacklab layers: each file in a zone, imports only what its zone allows' },
    schema: []
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/')
    if (ROOT_CONFIG.test(file)) return {}
    const zone = zoneOf(file)
    // test files beside their source may import test tooling
    const isTest = /\.test\.tsx?$/.test(file)
    function check(node, source) {
      if (!zone) return
      if (typeof source !== 'string') return
      if (source.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), source))
        const targetZone = zoneOf(target.endsWith('/') ? target : target + (target.includes('.') ? '' : '/'))
          ?? zoneOf(target)
        if (!targetZone) {
          context.report({ node, message: `'${source}' resolves outside every layer zone` })
          return
        }
        // a test beside its source may use the shared test support (tests/support), as tests/ does
        if (isTest && targetZone.name === 'tests' && target.startsWith('tests/support/')) return
        if (zone.allow !== '*' && !zone.allow.includes(targetZone.name)) {
          context.report({ node, message: `layer '${zone.name}' may not import layer '${targetZone.name}' ('${source}')` })
        }
        return
      }
      if (zone.packages === '*') return
      if (isTest && /^(vitest|fast-check|node:)/.test(source)) return
      const ok = zone.packages.some((p) => source === p || source.startsWith(p.endsWith(':') || p.endsWith('/') ? p : p + '/'))
      if (!ok) context.report({ node, message: `layer '${zone.name}' may not import package '${source}'` })
    }
    return {
      Program(node) {
        if (!zone) context.report({ node, message: `${file} is in no layer zone (see eslint-rules/layers.mjs)` })
      },
      ImportDeclaration(node) { check(node, node.source.value) },
      ExportNamedDeclaration(node) { if (node.source) check(node, node.source.value) },
      ExportAllDeclaration(node) { if (node.source) check(node, node.source.value) },
      ImportExpression(node) { if (node.source.type === 'Literal') check(node, node.source.value) }
    }
  }
}
