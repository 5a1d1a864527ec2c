/**
 * Runs sandboxed (no Node, no npm at runtime): the build bundles this file and zod into one
 * CommonJS file, dist-electron/preload.cjs, with only `electron` left external.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { createKioskBridge } from './preload/kiosk-bridge';

// zod would probe `new Function` for a faster path; the kiosk CSP forbids eval, so never try.
z.config({ jitless: true });

contextBridge.exposeInMainWorld('kiosk', createKioskBridge(ipcRenderer));
