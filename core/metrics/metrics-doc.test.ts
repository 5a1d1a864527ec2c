import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../config/load-config';
import { createTestCa } from '../host/test-ca.test-helper';
import { exportedSeries } from './promql-references.test-helper';

const root = join(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/metrics.md'), 'utf8');
const section = (title: string) => {
  const start = doc.indexOf(`## ${title}`);
  expect(start, `a "## ${title}" section`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
};
const block = (text: string, language: string) =>
  new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(text)?.[1] ?? '';

const scratch = mkdtempSync(join(tmpdir(), 'kiosk-metrics-doc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docs/metrics.md', () => {
  it('its series table names every series a kiosk exports, and no other', () => {
    const table = section('Series');
    const named = new Set(table.match(/^\| `(bpjs_kiosk_\w+)`/gm)?.map((row) => row.slice(3, -1)));
    const families = new Set(
      [...exportedSeries().keys()].map((name) => name.replace(/_(bucket|sum|count)$/, '')),
    );
    expect([...named].sort()).toEqual([...families].sort());
  });

  it('its alerts table names every alert rule', () => {
    const rules = parse(readFileSync(join(root, 'deploy/prometheus/kiosk-alerts.yml'), 'utf8')) as {
      groups: Array<{ rules: Array<{ alert: string }> }>;
    };
    const names = rules.groups.flatMap((group) => group.rules.map((rule) => rule.alert));
    const table = section('Alerts');
    const named = table.match(/^\| `(\w+)`/gm)?.map((row) => row.slice(3, -1));
    expect(named?.sort()).toEqual(names.sort());
  });

  it('its configuration example is a config the kiosk accepts', () => {
    const config = parseConfig(JSON.parse(block(section('Configuration'), 'json')));
    expect(config.metrics).toMatchObject({
      enabled: true,
      listen: { host: '10.20.30.40', port: 9464 },
      bearerTokenFile: '/etc/bpjs-kiosk/metrics-token',
    });
  });

  it('its scrape config passes promtool check config, with the job the alert rules expect', async () => {
    const example = block(section('Prometheus scrape config'), 'yaml');
    expect(
      (parse(example) as { scrape_configs: Array<{ job_name: string }> }).scrape_configs[0],
    ).toMatchObject({ job_name: 'bpjs-kiosk' });
    // The files it names, made here: the rules as they are, a CA and a client certificate.
    const etc = join(scratch, 'etc-prometheus');
    mkdirSync(join(etc, 'rules'), { recursive: true });
    mkdirSync(join(etc, 'kiosks'));
    copyFileSync(
      join(root, 'deploy/prometheus/kiosk-alerts.yml'),
      join(etc, 'rules/kiosk-alerts.yml'),
    );
    const ca = await createTestCa('Kiosk CA');
    const client = await ca.issue('client', 'prometheus');
    writeFileSync(join(etc, 'kiosk-ca.pem'), ca.cert);
    writeFileSync(join(etc, 'prometheus-client.pem'), client.cert);
    writeFileSync(join(etc, 'prometheus-client-key.pem'), client.key);
    writeFileSync(join(etc, 'kiosks/branch.yml'), "- targets: ['10.20.30.40:9464']\n");
    const config = join(etc, 'prometheus.yml');
    writeFileSync(config, example.replaceAll('/etc/prometheus/', `${etc}/`));

    const result = spawnSync('promtool', ['check', 'config', config], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS: 1 rule files found');
    expect(result.status).toBe(0);
  });
});
