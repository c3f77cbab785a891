import { defineConfig } from 'vite';

// The workspace packages resolve through their package.json "exports" to their built `dist`
// (build them first: `pnpm run build` at the repository root).
export default defineConfig({
  // Relative asset URLs, so the built page works from any path (and from `file://` servers).
  base: './',
  build: {
    target: 'es2022',
    // Babylon.js is one large chunk even when imported by subpath; say so only above 1.5 MB.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The dev console names types and listeners (`singletons`, `signals`) by their functions'
      // `name`: keep them through minification, or it prints `pp` and `#h`.
      output: { keepNames: true },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
