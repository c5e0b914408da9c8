/**
 * Before anything starts, each variant's backends are probed once: a variant whose backend is missing
 * is skipped with the reason and the remedy, unless the user named it (--variant) or set the backend's
 * URL — then it is bad input (exit 2) with the remedy. The probe is injected: no service is touched.
 */
import { describe, expect, it } from 'vitest';
import { ExitCode, ScalebenchError } from '../../../../core/errors.ts';
import { checkServices } from '../../../../orchestration/run/service-check.ts';
import { builtinExperiments } from '../../../../scenarios/builtin.ts';
import type { ServiceName, ServiceProbe } from '../../../../targets/services/service.ts';

const asyncExperiment = builtinExperiments.find((experiment) => experiment.name === 'async')!;
const items = asyncExperiment.variants.map((variant) => ({ experiment: asyncExperiment, variant }));
const noRabbit = 'RabbitMQ does not answer at amqp://guest:***@127.0.0.1:5672 and cannot be started';
const remedy = 'apt-get install rabbitmq-server && rabbitmq-server -detached, or set AMQP_URL';

function fakeProbe() {
  const asked: ServiceName[] = [];
  const probe = async (name: ServiceName): Promise<ServiceProbe> => {
    asked.push(name);
    if (name === 'rabbitmq') return { name, state: 'missing', problem: noRabbit, remedy };
    return { name, state: 'startable', how: 'redis-server from PATH' };
  };
  return { asked, probe };
}

describe('the service check before a run', () => {
  it('skips the variant whose backend is missing, with the reason, and probes each backend once', async () => {
    const { asked, probe } = fakeProbe();
    const skipped = await checkServices(items, { explicit: [], env: {}, probe });
    expect(skipped).toEqual([
      { experiment: 'async', name: 'queued-rabbitmq', service: 'rabbitmq', reason: noRabbit, remedy },
    ]);
    expect(asked.sort()).toEqual(['rabbitmq', 'redis']);
  });

  it('refuses a variant asked for by name, with the remedy', async () => {
    const { probe } = fakeProbe();
    const check = checkServices(items, { explicit: ['queued-rabbitmq'], env: {}, probe });
    await expect(check).rejects.toThrow(`async/queued-rabbitmq cannot run: ${noRabbit}`);
    const error = await check.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalebenchError);
    expect(error).toMatchObject({
      code: 'SB_ERR_SERVICE_UNAVAILABLE',
      hint: remedy,
      exitCode: ExitCode.badInput,
    });
  });

  it('refuses when the backend URL was given and does not answer', async () => {
    const { probe } = fakeProbe();
    const env = { AMQP_URL: 'amqp://127.0.0.1:1' };
    await expect(checkServices(items, { explicit: [], env, probe })).rejects.toMatchObject({
      code: 'SB_ERR_SERVICE_UNAVAILABLE',
      exitCode: ExitCode.badInput,
    });
  });
});
