import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';

describe('scalebench --help', () => {
  it('lists the commands and exits 0', async () => {
    const result = await runCliInProcess(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: scalebench/);
    expect(result.stdout).toMatch(/\bdoctor\b/);
    expect(result.stdout).toMatch(/\bservices\b/);
    expect(result.stderr).toBe('');
  });

  it('shows help for a nested subcommand', async () => {
    const result = await runCliInProcess(['services', 'start', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: scalebench services start \[options\] \[names\.\.\.\]/);
    expect(result.stdout).toContain('SCALEBENCH_START_SERVICES=1');
  });
});
