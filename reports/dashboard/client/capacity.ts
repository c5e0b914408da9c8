/**
 * The live page's capacity panel: a headed panel per searched variant that says what is being looked
 * for (the SLO), lists each step with why it counts as it does — held, broke by far, broke by a little
 * and measured again, held on the second measurement — and ends with the capacity the results file
 * records.
 */
import { banner, type EventOf, fmt, state, text } from './page.ts';
import { makeSection } from './variant.ts';

type Slo = EventOf<'capacity-start'>['slo'];
type Step = EventOf<'capacity-step'>;

function sloText(slo: Slo): string {
  return 'p99 ≤ ' + slo.p99Ms + ' ms and errors ≤ ' + (100 * slo.errorRate).toFixed(0) + '%';
}

export function onCapacityStart(
  e: Pick<EventOf<'capacity-start'>, 'experiment' | 'variant' | 'slo' | 'startRate'>,
): void {
  const s = makeSection(e.experiment, e.variant);
  const panel = s.el.querySelector<HTMLElement>('.capacity')!;
  s.capacity = { slo: e.slo, steps: [] };
  panel.hidden = false;
  panel.querySelector('h3')!.textContent = 'Capacity search: the highest rate that keeps ' + sloText(e.slo);
  panel.querySelector('.how')!.textContent =
    'Each step sends one fixed rate for a moment, starting at ' +
    e.startRate +
    '/s: the rate doubles while the SLO holds, then the search halves the gap between the last rate that held and the first that broke.';
  panel.querySelector('.steps')!.innerHTML = '';
  panel.querySelector('.result')!.textContent = 'searching…';
  panel.setAttribute('data-capacity', 'searching');
  if (s.key === state.current) {
    text('phase', 'searching capacity…');
    text('rate', 'first step: ' + e.startRate + '/s');
  }
}

/** why a step counts as it does, from it and the step before it at the same rate */
function stepVerdict(step: Step, previous: { rate: number; ok: boolean } | undefined): string {
  const again = previous && previous.rate === step.rate && !previous.ok;
  if (step.ok)
    return again ? 'held on a second measurement: counts as held (the first miss was a stall)' : 'held';
  if (again) return 'broke again: counts as broken';
  if (step.marginal === false) return 'broke by far: counts at once';
  return 'broke by a little: measured again before it counts';
}

export function onCapacityStep(e: Step): void {
  const s = makeSection(e.experiment, e.variant);
  if (!s.capacity) {
    onCapacityStart({
      experiment: e.experiment,
      variant: e.variant,
      slo: { p99Ms: Number.NaN, errorRate: Number.NaN },
      startRate: e.rate,
    });
  }
  const steps = s.capacity!.steps;
  const previous = steps[steps.length - 1];
  steps.push(e);
  const verdict = stepVerdict(e, previous);
  const li = document.createElement('li');
  li.className = e.ok ? 'held' : 'broke';
  li.textContent =
    e.rate +
    '/s: p99 ' +
    fmt(e.p99Ms) +
    ' ms, errors ' +
    (100 * e.errorRate).toFixed(2) +
    '%' +
    (e.hostIdle === null ? '' : ', host idle ' + (100 * e.hostIdle).toFixed(0) + '%') +
    ' → ' +
    verdict +
    (e.broken ? ' (' + e.broken + ')' : '');
  s.el.querySelector('.capacity .steps')!.appendChild(li);
  if (s.key === state.current) {
    text('phase', 'searching capacity… step ' + steps.length);
    text('rate', e.rate + '/s ' + (e.ok ? 'held' : 'broke') + ' (p99 ' + fmt(e.p99Ms) + ' ms)');
  }
}

export function onCapacityDone(e: EventOf<'capacity-done'>): void {
  const s = makeSection(e.experiment, e.variant);
  const panel = s.el.querySelector('.capacity')!;
  const result = panel.querySelector('.result')!;
  const idle =
    e.hostIdleAtKnee === null
      ? ''
      : '; the host was ' + (100 * e.hostIdleAtKnee).toFixed(0) + '% idle where the SLO broke';
  const atLeast = e.capped ? '≥ ' : '';
  result.textContent =
    e.capacity === null
      ? 'no rate tried kept ' + sloText(e.slo)
      : 'capacity ' + atLeast + e.capacity + '/s (' + sloText(e.slo) + ')' + idle;
  result.className = 'result found';
  panel.setAttribute('data-capacity', e.capacity === null ? 'none' : String(e.capacity));
  const found = e.capacity === null ? 'no capacity found' : 'capacity found: ' + atLeast + e.capacity + '/s';
  banner(e.experiment + '/' + e.variant + ': ' + found, 'capacity');
  if (s.key === state.current) {
    text('phase', 'capacity found');
    text('rate', e.capacity === null ? 'none held' : atLeast + e.capacity + '/s');
  }
}
