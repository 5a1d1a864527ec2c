/** Electron main entry (bundled to dist-electron/main.js). */
import { startKioskShell } from './main/app-lifecycle';

startKioskShell({ argv: process.argv, env: process.env, mainDir: import.meta.dirname });
