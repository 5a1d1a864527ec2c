import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FigureResult } from './figure';
import type { Machine } from './machine';

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  figures: FigureResult[];
}

export function writeResults(path: string, results: BenchResults): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
}

export function readResults(path: string): BenchResults {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<BenchResults>;
  if (!Array.isArray(parsed.figures)) throw new Error(`${path} holds no benchmark figures`);
  return parsed as BenchResults;
}
