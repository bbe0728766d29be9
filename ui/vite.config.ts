import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

// The webview is WebKitGTK (Safari 16 level); the app's CSP is
// `default-src 'self'; style-src 'self'; font-src 'self'`, so nothing may be
// inlined: no data: URLs for assets, CSS always extracted to files.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  // Component tests mount Svelte in jsdom, so they need Svelte's browser build.
  resolve: mode === "test" ? { conditions: ["browser"] } : {},
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
}));
