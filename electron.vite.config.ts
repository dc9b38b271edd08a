import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  // entries default to src/main/index.ts, src/preload/index.ts, src/renderer/index.html
  main: {},
  preload: {
    // a sandboxed preload cannot require() node_modules: bundle everything into one CJS file
    build: { externalizeDeps: false }
  },
  renderer: {
    plugins: [react()],
    build: { minify: true, reportCompressedSize: true, chunkSizeWarningLimit: 2000 }
  }
})
