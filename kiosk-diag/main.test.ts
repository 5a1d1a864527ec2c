import { describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io.test-helper';
import { DEFAULT_COMMANDS } from './main';

describe('kiosk-diag command line', () => {
  it('lists every command with no arguments (exit 2) and with --help (exit 0)', async () => {
    const bare = await runCaptured([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('journal verify');
    const help = await runCaptured(['--help']);
    expect(help.code).toBe(0);
    for (const command of DEFAULT_COMMANDS) expect(help.stdout).toContain(command.name);
    expect(help.stdout).toContain('3 device or host unreachable');
  });

  it('gives every command its own --help with its exit codes', async () => {
    for (const command of DEFAULT_COMMANDS) {
      const run = await runCaptured([...command.name.split(' '), '--help']);
      expect(run.code, command.name).toBe(0);
      expect(run.stdout, command.name).toContain(`Usage: kiosk-diag ${command.name}`);
      expect(run.stdout, command.name).toContain('Exit:');
    }
  });

  it('exits 2 on an unknown command, an unknown option or a bad value, also as JSON', async () => {
    expect((await runCaptured(['selftest'])).code).toBe(2);
    const option = await runCaptured(['host', '--ur', 'x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("'--ur'");
    const value = await runCaptured(['probe', '--driver', 'laser', '--port', 'x', '--json']);
    expect(value.code).toBe(2);
    expect(value.json()).toMatchObject({
      ok: false,
      exitCode: 2,
      error: expect.stringContaining('escpos'),
    });
  });
});
