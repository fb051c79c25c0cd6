import { defineConfig } from 'vitest/config';

// Built by Maven (console/pom.xml) into the jar the api function serves from: /console/assets/… are the hashed
// files, index.html the page every other /console path gets (ConsolePages.java adds the sign-in settings to it).
export default defineConfig({
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'target/classes/io/halqe/console',
    emptyOutDir: true,
    assetsDir: 'assets',
    // no inline script or style anywhere: the pages' Content-Security-Policy allows 'self' only
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
  },
});
