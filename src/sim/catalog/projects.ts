import { fig, type Figure } from './sources.ts'

export interface ProjectFile {
  readonly path: string
  readonly sizeMb: number
  readonly text?: string
}
export interface ProjectSpec {
  readonly name: string
  readonly files: readonly ProjectFile[]
}

/** Built-in project folders `docker build` can read (DESIGN.md). A lesson may define more. */
export const PROJECTS: readonly ProjectSpec[] = [
  {
    name: 'recommender',
    files: [
      { path: 'Dockerfile', sizeMb: 0.001, text: [
        'FROM python:3.12-slim',
        'COPY requirements.txt .',
        'RUN pip install -r requirements.txt',
        'COPY . .',
        'ENV PORT=8000',
        'EXPOSE 8000',
        'HEALTHCHECK CMD curl localhost:8000',
        'CMD ["python", "app.py"]'
      ].join('\n') },
      { path: 'requirements.txt', sizeMb: 0.001, text: 'flask==3.0.3\nnumpy==2.1.2\nscikit-learn==1.5.2\n' },
      { path: 'app.py', sizeMb: 0.004, text: '# serves /recommendations on :8000\n' },
      { path: 'model.pkl', sizeMb: 12 }
    ]
  },
  {
    name: 'legacy-analytics',
    files: [
      { path: 'Dockerfile', sizeMb: 0.001, text: [
        'FROM centos:7',
        'COPY analytics /opt/analytics',
        'COPY analytics.ko /opt/analytics/analytics.ko',
        'CMD ["analytics"]'
      ].join('\n') },
      { path: 'analytics', sizeMb: 35 },
      { path: 'analytics.ko', sizeMb: 2, text: 'vermagic=3.10.0-1160.el7.x86_64 SMP mod_unload modversions\n' }
    ]
  }
]

/** Layer sizes for known RUN steps; anything else writes a small layer. */
export const RUN_LAYER_MB: Readonly<Record<string, Figure>> = {
  'pip install -r requirements.txt': fig(180, 'model'),
  'pip install --no-cache-dir -r requirements.txt': fig(150, 'model'),
  'apt-get update': fig(45, 'model'),
  'apt-get update && apt-get install -y build-essential': fig(240, 'model')
}
export const RUN_LAYER_DEFAULT_MB = fig(0.5, 'model')
/** the kernel a legacy module was built for */
export const LEGACY_MODULE_KERNEL = '3.10'
