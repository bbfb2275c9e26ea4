/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In `npm run dev`, /api is proxied to a running Covacha dev host so the app is same-origin
// just as in production (the refresh cookie is scoped to /api/auth).
const backend = process.env.COVACHA_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Keep every asset a separate file: the CSP forbids data: scripts and inline styles.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': { target: backend, changeOrigin: false } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Tests that type whole searches and walk the history take a few seconds on a busy 2-core
    // machine; the default 5 s failed them there with nothing wrong.
    testTimeout: 20_000,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
