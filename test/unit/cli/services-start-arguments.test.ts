import { describe, expect, it } from 'vitest';
import { parseServicesStart } from '../../../cli/services.ts';

describe('scalebench services start arguments', () => {
  it('defaults to all three services and dedupes names', () => {
    expect(parseServicesStart([], {})).toEqual({
      names: ['redis', 'postgres', 'rabbitmq'],
      forceStart: undefined,
      json: false,
    });
    expect(parseServicesStart(['redis', 'redis'], { start: true, json: true })).toEqual({
      names: ['redis'],
      forceStart: true,
      json: true,
    });
  });

  it('rejects unknown names with the list of known ones', () => {
    expect(() => parseServicesStart(['redis', 'mysql'], {})).toThrow(/unknown service 'mysql'/);
    expect(() => parseServicesStart(['mongo'], {})).toThrow(
      expect.objectContaining({
        code: 'SB_ERR_INVALID_ARGUMENT',
        hint: 'name one or more of: redis, postgres, rabbitmq',
      }),
    );
  });
});
