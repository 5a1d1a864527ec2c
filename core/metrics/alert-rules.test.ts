import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { unknownReferences } from './promql-references.test-helper';

const RULES_DIR = join(import.meta.dirname, '../../deploy/prometheus');
const RULES = join(RULES_DIR, 'kiosk-alerts.yml');
const RULE_TESTS = join(RULES_DIR, 'kiosk-alerts.test.yml');
const WEEK_RULE_TESTS = join(RULES_DIR, 'kiosk-alerts-week.test.yml');

interface RuleFile {
  groups: Array<{ rules: Array<{ alert: string; expr: string; for?: string }> }>;
}

/** promtool from Debian's prometheus package (scripts/prerequisites/system-packages.ts). */
function promtool(...args: string[]) {
  const result = spawnSync('promtool', args, { encoding: 'utf8', timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new Error('promtool is missing: apt-get install -y prometheus');
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const rules = (parse(readFileSync(RULES, 'utf8')) as RuleFile).groups.flatMap((g) => g.rules);

const scratch = mkdtempSync(join(tmpdir(), 'kiosk-alerts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the alert rules (deploy/prometheus/kiosk-alerts.yml)', () => {
  it('are valid rules for Prometheus', () => {
    const { status, output } = promtool('check', 'rules', RULES);
    expect(output).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(status).toBe(0);
  });

  it('fire where they should and not where they should not (promtool test rules)', () => {
    const { status, output } = promtool('test', 'rules', RULE_TESTS, WEEK_RULE_TESTS);
    expect(output.match(/SUCCESS/g)).toHaveLength(2);
    expect(status).toBe(0);
  });

  it('a rule test that expects the wrong thing fails, naming the alert', () => {
    // The same tests with one expectation turned round: out of service for 12 minutes, no alert.
    copyFileSync(RULES, join(scratch, 'kiosk-alerts.yml'));
    const tests = parse(readFileSync(RULE_TESTS, 'utf8')) as {
      tests: Array<{
        name: string;
        alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }>;
      }>;
    };
    const outOfService = tests.tests.find((test) => test.name.startsWith('out of service'))!;
    outOfService.alert_rule_test.at(-1)!.exp_alerts = [];
    const wrong = join(scratch, 'wrong.test.yml');
    writeFileSync(wrong, JSON.stringify(tests));
    const { status, output } = promtool('test', 'rules', wrong);
    expect(status).not.toBe(0);
    expect(output).toContain('alertname: KioskOutOfService');
  });

  it('cover what the issue asks for', () => {
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'KioskDeviceDown',
        'KioskPaperOut',
        'KioskHostErrorRate',
        'KioskJournalAnchorStale',
        'KioskOutOfService',
        'KioskNoSessionsForAWeek',
      ]),
    );
    const waits = Object.fromEntries(rules.map((rule) => [rule.alert, rule.for]));
    expect(waits).toMatchObject({ KioskDeviceDown: '5m', KioskOutOfService: '10m' });
  });

  it.each(rules.map((rule) => [rule.alert, rule.expr] as const))(
    '%s reads only series, labels and values a kiosk exports',
    (_alert, expr) => {
      expect(unknownReferences(expr)).toEqual([]);
    },
  );

  it('the reference check catches a series or a value no kiosk exports', () => {
    expect(unknownReferences('bpjs_kiosk_sessions_total{reason="finished"} > 0')).toEqual([
      'series bpjs_kiosk_sessions_total',
    ]);
    expect(unknownReferences('bpjs_kiosk_printer_paper{state="empty"} == 1')).toEqual([
      'state="empty"',
    ]);
    expect(unknownReferences('sum by (branch) (bpjs_kiosk_in_service)')).toEqual(['label branch']);
  });
});
