/**
 * The live page's capacity panel (plain browser JavaScript, spliced into the client's closure by
 * dashboard-client.ts): a headed panel per searched variant that says what is being looked for (the SLO),
 * lists each step with why it counts as it does — held, broke by far, broke by a little and measured
 * again, held on the second measurement — and ends with the capacity the results file records.
 */
export const CAPACITY_CLIENT_SOURCE = `
  function sloText(slo) {
    return 'p99 ≤ ' + slo.p99Ms + ' ms and errors ≤ ' + (100 * slo.errorRate).toFixed(0) + '%';
  }

  function onCapacityStart(e) {
    var s = makeSection(e.experiment, e.variant);
    var panel = s.el.querySelector('.capacity');
    s.capacity = { slo: e.slo, steps: [] };
    panel.hidden = false;
    panel.querySelector('h3').textContent = 'Capacity search: the highest rate that keeps ' + sloText(e.slo);
    panel.querySelector('.how').textContent = 'Each step sends one fixed rate for a moment, starting at ' + e.startRate +
      '/s: the rate doubles while the SLO holds, then the search halves the gap between the last rate that held and the first that broke.';
    panel.querySelector('.steps').innerHTML = '';
    panel.querySelector('.result').textContent = 'searching…';
    panel.setAttribute('data-capacity', 'searching');
    if (s.key === state.current) {
      text('phase', 'searching capacity…');
      text('rate', 'first step: ' + e.startRate + '/s');
    }
  }

  /** why a step counts as it does, from it and the step before it at the same rate */
  function stepVerdict(step, previous) {
    var again = previous && previous.rate === step.rate && !previous.ok;
    if (step.ok) return again ? 'held on a second measurement: counts as held (the first miss was a stall)' : 'held';
    if (again) return 'broke again: counts as broken';
    if (step.marginal === false) return 'broke by far: counts at once';
    return 'broke by a little: measured again before it counts';
  }

  function onCapacityStep(e) {
    var s = makeSection(e.experiment, e.variant);
    if (!s.capacity) onCapacityStart({ experiment: e.experiment, variant: e.variant, slo: { p99Ms: NaN, errorRate: NaN }, startRate: e.rate });
    var previous = s.capacity.steps[s.capacity.steps.length - 1];
    s.capacity.steps.push(e);
    var verdict = stepVerdict(e, previous);
    var li = document.createElement('li');
    li.className = e.ok ? 'held' : 'broke';
    li.textContent = e.rate + '/s: p99 ' + fmt(e.p99Ms) + ' ms, errors ' + (100 * e.errorRate).toFixed(2) + '%' +
      (e.hostIdle === null ? '' : ', host idle ' + (100 * e.hostIdle).toFixed(0) + '%') + ' → ' + verdict +
      (e.broken ? ' (' + e.broken + ')' : '');
    s.el.querySelector('.capacity .steps').appendChild(li);
    if (s.key === state.current) {
      text('phase', 'searching capacity… step ' + s.capacity.steps.length);
      text('rate', e.rate + '/s ' + (e.ok ? 'held' : 'broke') + ' (p99 ' + fmt(e.p99Ms) + ' ms)');
    }
  }

  function onCapacityDone(e) {
    var s = makeSection(e.experiment, e.variant);
    var panel = s.el.querySelector('.capacity');
    var result = panel.querySelector('.result');
    var idle = e.hostIdleAtKnee === null ? '' : '; the host was ' + (100 * e.hostIdleAtKnee).toFixed(0) + '% idle where the SLO broke';
    var found = e.capacity === null
      ? 'no rate tried kept ' + sloText(e.slo)
      : 'capacity ' + (e.capped ? '≥ ' : '') + e.capacity + '/s (' + sloText(e.slo) + ')' + idle;
    result.textContent = found;
    result.className = 'result found';
    panel.setAttribute('data-capacity', e.capacity === null ? 'none' : String(e.capacity));
    banner(e.experiment + '/' + e.variant + ': ' + (e.capacity === null ? 'no capacity found' : 'capacity found: ' + (e.capped ? '≥ ' : '') + e.capacity + '/s'), 'capacity');
    if (s.key === state.current) {
      text('phase', 'capacity found');
      text('rate', e.capacity === null ? 'none held' : (e.capped ? '≥ ' : '') + e.capacity + '/s');
    }
  }
`;
