import { describe, expect, it } from 'vitest';
import { groupDynamicName, MAX_STEP_NAMES, OTHER_STEP, StepNames } from '../../../results/step-names.ts';

describe('step names', () => {
  it('group numeric, uuid, hex and token segments and query values, as groupDynamicURLs does', () => {
    expect(groupDynamicName('GET /users/42/orders/7')).toBe('GET /users/:id/orders/:id');
    expect(groupDynamicName('/items/3f2b8c1e-9a4d-4c2e-8f1a-0b2c3d4e5f60')).toBe('/items/:uuid');
    expect(groupDynamicName('/blobs/9f86d081884c7d65')).toBe('/blobs/:hex');
    expect(groupDynamicName('/s/eyJhbGciOiJIUzI1NiJ9abc123')).toBe('/s/:token');
    expect(groupDynamicName('/search?page=3&q=shoes')).toBe('/search?page=:id&q=shoes');
    expect(groupDynamicName('login')).toBe('login');
    expect(groupDynamicName('/cafe/deadbeef')).toBe('/cafe/deadbeef');
  });

  it('keep at most MAX_STEP_NAMES names; later ones share the other step', () => {
    const names = new StepNames();
    const indexes = Array.from({ length: MAX_STEP_NAMES + 50 }, (_, i) => names.indexOf(`step-${i}`));
    expect(new Set(indexes).size).toBe(MAX_STEP_NAMES + 1);
    expect(names.names.at(-1)).toBe(OTHER_STEP);
    expect(names.indexOf('step-3')).toBe(3);
    expect(names.indexOf('/orders/1')).toBe(names.indexOf('/orders/2'));
  });
});
