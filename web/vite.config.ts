/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { govukAssets } from './build/govuk-assets';

export default defineConfig({
  // The API serves these pages at / and /graphql, so every asset URL must be absolute.
  base: '/',
  plugins: [react(), govukAssets()],
  build: {
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        explorer: resolve(import.meta.dirname, 'explorer.html'),
      },
      onwarn(warning, warn) {
        // GraphiQL ships React Compiler "use no memo" directives, which only matter to that compiler.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
    // Monaco (inside GraphiQL) is large by nature; this is a developer-only page.
    chunkSizeWarningLimit: 5000,
  },
  css: {
    preprocessorOptions: {
      scss: { quietDeps: true },
    },
  },
  // govuk-frontend's CSS keeps an IE-only `@media screen\0` hack that esbuild warns about;
  // modern browsers ignore that rule either way.
  esbuild: { logOverride: { 'css-syntax-error': 'silent' } },
  // The dev server's dependency pre-bundler cannot follow Vite's `?worker` imports.
  // Nor does it follow the workers' imports, so their CommonJS dependencies are listed here.
  optimizeDeps: {
    exclude: ['graphiql/setup-workers/vite'],
    include: ['graphql-language-service', 'picomatch-browser'],
  },
  // Monaco's workers import shared chunks, which IIFE workers cannot do.
  worker: { format: 'es' },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
