import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      // Component tests of the web app; each names its DOM with `// @vitest-environment happy-dom`.
      "apps/*/src/**/*.test.tsx",
      "e2e/**/*.test.ts",
    ],
    testTimeout: 30_000,
    // Setup starts servers and Chromium; on a machine busy with other work that alone can pass a minute.
    hookTimeout: 180_000,
  },
});
