/** Event type -> counter name, for every scanner driver. */
export const SCANNER_COUNTERS = { scanned: 'scans', invalidData: 'invalidScans' } as const;

/** Scanners answer no status question; what a probe can say of one. */
export const scannerFinding = () => ({
  problems: [],
  notes: [
    'scanners have no status query: online means the link is open; scan a KPJ card with `kiosk-diag watch`',
  ],
});
