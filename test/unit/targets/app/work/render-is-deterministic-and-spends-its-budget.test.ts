import { expect, it } from 'vitest';
import { makeWorkFunction, renderReport } from '../../../../../targets/app/work/render.ts';

/** a CPU clock that advances 1 ms per reading, so the budget is counted in re-render rounds */
function steppingClock() {
  let now = 0;
  const clock = () => {
    now += 1;
    return now;
  };
  return { clock, readings: () => now };
}

it('the report depends on the input only, not on the cost', () => {
  const cheap = renderReport('invoice 42', 0);
  const costly = renderReport('invoice 42', 5, steppingClock().clock);
  expect(costly).toEqual(cheap);
  expect(renderReport('invoice 43', 0).digest).not.toBe(cheap.digest);
  expect(cheap).toMatchObject({ input: 'invoice 42', rows: 64 });
  expect(cheap.compressedBytes).toBeLessThan(cheap.bytes);
});

it('re-renders until the CPU budget is spent', () => {
  const fast = steppingClock();
  renderReport('x', 1, fast.clock);
  const slow = steppingClock();
  renderReport('x', 20, slow.clock);
  expect(fast.readings()).toBe(2); // start + one check: budget spent by the first render
  expect(slow.readings()).toBe(21); // start + 20 checks: 19 re-renders
});

it('the work function counts its calls', () => {
  let calls = 0;
  const work = makeWorkFunction(0, () => {
    calls += 1;
  });
  work('a');
  work('b');
  expect(calls).toBe(2);
});
