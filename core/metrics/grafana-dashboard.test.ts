import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedSeries, unknownReferences } from './promql-references.test-helper';

const DASHBOARD = join(import.meta.dirname, '../../docs/grafana/kiosk-fleet.json');

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: Array<{ expr: string; refId: string; datasource?: { uid: string } }>;
  panels?: Panel[];
}

interface Dashboard {
  uid: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query: unknown; definition?: string }> };
}

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
const graphs = panels.filter((panel) => panel.type !== 'row');

describe('the Grafana dashboard (docs/grafana/kiosk-fleet.json)', () => {
  it('has panels, each with a query and a title, and unique ids', () => {
    expect(graphs.length).toBeGreaterThan(15);
    for (const panel of graphs) {
      expect(panel.title, `panel ${panel.id}`).not.toBe('');
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
    }
    const ids = panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(graphs.map((panel) => [panel.title, panel] as const))(
    '%s queries only series, labels and values a kiosk exports',
    (_title, panel) => {
      for (const target of panel.targets ?? [])
        expect(unknownReferences(target.expr), target.expr).toEqual([]);
    },
  );

  it('reads Prometheus through its datasource variable, not a data source of one installation', () => {
    for (const panel of graphs) {
      expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
      for (const target of panel.targets ?? [])
        expect(target.datasource?.uid, panel.title).toBe('${datasource}');
    }
    const terminal = dashboard.templating.list.find((variable) => variable.name === 'terminal');
    expect(terminal?.definition).toBe('label_values(bpjs_kiosk_build_info, terminal)');
    expect(unknownReferences('bpjs_kiosk_build_info')).toEqual([]);
  });

  it('shows every series the kiosk exports somewhere', () => {
    const queried = graphs
      .flatMap((panel) => (panel.targets ?? []).map((target) => target.expr))
      .join('\n');
    const unshown = [...exportedSeries().keys()].filter(
      (name) => !new RegExp(`\\b${name}\\b`).test(queried),
    );
    expect(unshown).toEqual([]);
  });

  it('the check refuses a panel that reads a series no kiosk exports', () => {
    expect(
      unknownReferences('sum(rate(bpjs_kiosk_balance_seconds_bucket[$__rate_interval]))'),
    ).toEqual(['series bpjs_kiosk_balance_seconds_bucket']);
    expect(
      unknownReferences('bpjs_kiosk_device_state{terminal=~"$terminal",state="down"}'),
    ).toEqual(['state="down"']);
  });
});
