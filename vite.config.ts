/**
 * The web build: one Vite build, two pages — the admin web at / (src/web/index.html) and the
 * resident H5 app at /m/ (src/web/m/index.html). Output goes to dist/web, which the server serves
 * with an SPA fallback and a strict CSP (`script-src 'self'`): the HTML must hold no inline script.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = path.resolve(import.meta.dirname, 'src/web');

export default defineConfig({
  root: web,
  base: '/',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would become data: URLs; keep them as hashed files (CSP allows data: for images only).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    // Vite's module-preload polyfill is bundled, never inlined; keep it off for evergreen browsers anyway.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        admin: path.join(web, 'index.html'),
        resident: path.join(web, 'm/index.html'),
      },
    },
  },
  server: {
    // `npx vite` for front-end work: the API comes from a running server (npm start) on port 3000.
    proxy: { '/api': { target: process.env.TONGXIN_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
