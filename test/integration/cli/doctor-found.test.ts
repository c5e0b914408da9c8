import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';

const systemServices = { REDIS_URL: undefined, DATABASE_URL: undefined, AMQP_URL: undefined };

describe('scalebench doctor with the system services up', () => {
  it('lists the three services as found and exits 0', async () => {
    const result = await runCliInProcess(['doctor'], { extraEnv: systemServices });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^redis\s+found\s+redis:\/\/127\.0\.0\.1:6379 \(local\) — Redis \d/m);
    expect(result.stdout).toMatch(
      /^postgres\s+found\s+postgres:\/\/postgres@127\.0\.0\.1:5432\/postgres \(local\)/m,
    );
    expect(result.stdout).toMatch(/^rabbitmq\s+found\s+amqp:\/\/guest:\*\*\*@127\.0\.0\.1:5672 \(local\)/m);
    expect(result.stdout).toMatch(/^balancers .*nginx/m);
    expect(result.stdout).toMatch(/^ok: the full suite can run here$/m);
    expect(result.code).toBe(0);
  });

  it('prints a JSON report with the documented shape', async () => {
    const result = await runCliInProcess(['doctor', '--json'], { extraEnv: systemServices });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      ok: true,
      node: { version: process.version, ok: true },
      cpu: { model: expect.any(String), cores: expect.any(Number) },
      problems: [],
    });
    expect(report.services.map((s: { name: string; state: string }) => [s.name, s.state])).toEqual([
      ['redis', 'found'],
      ['postgres', 'found'],
      ['rabbitmq', 'found'],
    ]);
    expect(report.services[0]).toMatchObject({
      source: 'local',
      version: expect.any(String),
      pingMs: expect.any(Number),
    });
    expect(report.balancers.map((b: { name: string }) => b.name)).toEqual(['nginx', 'haproxy']);
    expect(report.tools.map((t: { name: string }) => t.name)).toEqual([
      'wrk',
      'hey',
      'chromium',
      'prometheus',
    ]);
    expect(Array.isArray(report.warnings)).toBe(true);
  });
});
