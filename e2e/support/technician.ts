import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** A tap in the outermost pixels of a screen corner. */
export async function tapCorner(page: Page, corner: 'tl' | 'tr' | 'bl' | 'br'): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.mouse.click(
    corner.endsWith('l') ? 5 : width - 5,
    corner.startsWith('t') ? 5 : height - 5,
  );
}

/** The configured default sequence: top-left, top-right, bottom-right, bottom-left. */
export async function tapTechnicianCorners(page: Page): Promise<void> {
  for (const corner of ['tl', 'tr', 'br', 'bl'] as const) await tapCorner(page, corner);
}

/** Every record in the stack's journal, oldest first. */
export function journalRecords(
  journalDir: string,
): Array<{ type: string; data: Record<string, string> }> {
  return readdirSync(journalDir)
    .filter((file) => file.endsWith('.jsonl'))
    .map((file) => readFileSync(join(journalDir, file), 'utf8'))
    .join('')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; data: Record<string, string> });
}

/** `data` of every technicianAction record in the stack's journal, oldest first. */
export function technicianJournal(journalDir: string): Array<{ action: string; detail?: string }> {
  return journalRecords(journalDir)
    .filter((record) => record.type === 'technicianAction')
    .map((record) => record.data as { action: string; detail?: string });
}
