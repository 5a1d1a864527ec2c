import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte({ compilerOptions: { runes: true } })],
  test: {
    include: [
      '{core,devices,simulators,web,electron,renderer,kiosk-diag,scripts,bench,soak}/**/*.test.ts',
    ],
    environment: 'node',
    // One worker per core, not Vitest's cores - 1: most test files wait on sockets, child
    // processes and timers more than they compute (on 2 cores: 298 s instead of 423 s).
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
