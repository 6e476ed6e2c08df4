import { defineConfig } from "vitest/config";

// Browser tests: one build of the sample county (global setup), one Chromium, one worker so the page
// weights and timings are not disturbed by a second run on the same two cores.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 1_200_000,
  },
});
