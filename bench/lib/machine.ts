import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface Machine {
  os: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryGB: number;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  loadAverageAtStart: number;
}

export function describeMachine(chromiumVersion: string): Machine {
  const cores = cpus();
  return {
    os: `${platform()} ${release()}`,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cpuCount: cores.length,
    totalMemoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion,
    loadAverageAtStart: Math.round(loadavg()[0]! * 100) / 100,
  };
}

export const machineLine = (m: Machine): string =>
  `${m.cpuModel} x ${m.cpuCount}, ${m.totalMemoryGB} GB RAM, ${m.os}, Node ${m.node}, ` +
  `Chromium ${m.chromium}, load average ${m.loadAverageAtStart} at start`;
