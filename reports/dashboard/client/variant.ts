/**
 * The live page's variant sections: a plain description, the headline figures (latency, errors, and
 * each failure as "N of M"), a "starting…" note until the first second, and four charts
 * (variant-charts.ts) on one time base — seconds since the trial started, warm-up included, a point
 * drawn at the end of the second it counts, faults at the moment they happened.
 */
import { chartJs } from './chart-api.ts';
import {
  charts,
  type EventOf,
  fmt,
  LABELS,
  markDirty,
  order,
  type Section,
  sections,
  state,
  text,
} from './page.ts';
import { chartConfig, rightAxis, sameScale, series } from './variant-charts.ts';

export function makeSection(experiment: string, variant: string): Section {
  const key = experiment + '/' + variant;
  if (sections[key]) return sections[key];
  const el = document.createElement('section');
  el.className = 'variant starting';
  el.setAttribute('data-variant', key);
  el.innerHTML =
    '<h2><span class="name"></span> <span class="trial"></span></h2>' +
    '<p class="description"></p><div class="headline"></div>' +
    '<p class="starting-note">starting the target… the charts begin with its first second of load</p>' +
    '<div class="charts">' +
    '<div class="chart"><canvas data-chart="throughput"></canvas></div>' +
    '<div class="chart"><canvas data-chart="latency"></canvas></div>' +
    '<div class="chart"><canvas data-chart="share"></canvas></div>' +
    '<div class="chart"><canvas data-chart="correctness"></canvas></div>' +
    '</div>' +
    '<section class="capacity" hidden><h3></h3><p class="how"></p><ol class="steps"></ol><p class="result"></p></section>';
  el.querySelector('.name')!.textContent = key;
  const variants = document.getElementById('variants')!;
  variants.insertBefore(el, variants.firstChild);
  const Chart = chartJs();
  const chart = (name: string, config: ReturnType<typeof chartConfig>) =>
    new Chart(el.querySelector<HTMLCanvasElement>('canvas[data-chart="' + name + '"]')!, config);
  const s: Section = {
    key: key,
    el: el,
    trial: 0,
    trials: 1,
    seconds: null,
    warmupSeconds: null,
    throughput: chart(
      'throughput',
      chartConfig('Requests per second (bars: errors)', 'requests per second', {
        y2: rightAxis('iterations per second (planned)', false),
      }),
    ),
    latency: chart('latency', chartConfig('Response time: p50, p90, p99', 'milliseconds')),
    share: chart('share', chartConfig("Each clone's share of the responses", '% of responses')),
    correctness: chart(
      'correctness',
      chartConfig('Correctness (running count)', 'count', {
        y1: rightAxis('sampled from the target', false),
      }),
    ),
    cumulative: {},
    live: null,
    totals: null,
    faults: [],
  };
  s.share.options.scales['y']!.max = 100;
  sections[key] = s;
  order.push(key);
  resetTrial(s);
  return s;
}

function resetTrial(s: Section): void {
  s.cumulative = {};
  s.live = null;
  s.totals = null;
  s.throughput.sbTop = 0;
  s.faults = [];
  for (const c of charts(s)) {
    c.data.datasets = [];
    c.options.plugins.sbFaults.faults = [];
    c.options.plugins.sbFaults.warmupUntil = s.warmupSeconds;
    // the whole trial's time axis from the start; half a second more so the last bar is whole
    c.options.scales['x']!.max = s.seconds === null ? undefined : s.seconds + 0.5;
  }
  series(s.throughput, 'requests');
  for (const p of ['p50', 'p90', 'p99']) series(s.latency, p);
  markDirty(s);
}

function percent(n: number, total: number): string {
  const p = (100 * n) / total;
  return p >= 10 || p === 0 ? p.toFixed(0) + '%' : p.toFixed(1) + '%';
}

/** the figures an audience should read first: latency, errors, and every failure as N of M */
function renderHeadline(s: Section): void {
  const f = s.totals || s.live;
  const box = s.el.querySelector('.headline')!;
  if (!f) {
    box.innerHTML = '';
    return;
  }
  const items: string[] = [];
  const item = (text: string, kind: string) =>
    items.push('<span class="figure ' + kind + '">' + text + '</span>');
  // while it runs, latency is the last second's; once the trial is done, the whole trial's
  const when = s.totals ? '' : ' (last second)';
  item('p50 ' + fmt(f.p50) + ' ms' + when, 'plain');
  item('p99 ' + fmt(f.p99) + ' ms' + when, 'plain');
  item(
    f.errors > 0
      ? 'errors: ' + f.errors + ' of ' + f.requests + ' requests (' + percent(f.errors, f.requests) + ')'
      : 'no errors',
    f.errors > 0 ? 'bad' : 'good',
  );
  const counts = s.totals ? s.totals.correctness : s.cumulative;
  for (const m of LABELS.failures) {
    const n = counts[m.violation];
    if (n === undefined) continue;
    const total = m.denominator === null ? undefined : counts[m.denominator];
    const text = total
      ? m.label + ': ' + n + ' of ' + total + ' (' + percent(n, total) + ')'
      : m.label + ': ' + n;
    item(text, n > 0 ? 'bad' : 'good');
  }
  box.innerHTML = items.join('');
  box.setAttribute('data-final', s.totals ? 'yes' : 'no');
}

/** the header's figures: the running variant's second, each figure named, per second */
function showSecond(s: Section, p: EventOf<'second'>['point'], x: number): void {
  const of = s.seconds === null ? '' : ' of ' + s.seconds;
  text(
    'phase',
    (p.warmup ? 'warm-up: ' : 'measuring: ') +
      x +
      ' s' +
      of +
      (s.trials > 1 ? ', trial ' + (s.trial + 1) + ' of ' + s.trials : ''),
  );
  text(
    'rate',
    p.requests +
      ' requests/s' +
      (p.targetRate === null ? '' : ' (planned ' + p.targetRate + ' iterations/s)') +
      ', p99 ' +
      fmt(p.p99) +
      ' ms, ' +
      p.errors +
      ' errors this second',
  );
}

export function onSecond(e: EventOf<'second'>): void {
  const s = makeSection(e.experiment, e.variant);
  const p = e.point;
  const x = p.elapsedSeconds;
  state.seconds += 1;
  s.el.classList.remove('starting');
  const counters = p.counters || {};
  for (const name of Object.keys(counters)) s.cumulative[name] = (s.cumulative[name] || 0) + counters[name]!;
  // past the planned end: the last iterations finishing, not a second of load (counted, not drawn)
  const tail = s.seconds !== null && x > s.seconds;
  const last = s.live;
  s.live = {
    requests: p.totalRequests,
    errors: p.totalErrors,
    p50: tail && last ? last.p50 : p.p50,
    p99: tail && last ? last.p99 : p.p99,
  };
  renderHeadline(s);
  if (tail) return;
  if (p.warmup && s.warmupSeconds === null) {
    for (const c of charts(s)) c.options.plugins.sbFaults.warmupUntil = x;
  }
  series(s.throughput, 'requests').data.push({ x: x, y: p.requests });
  if (p.targetRate !== null) series(s.throughput, 'planned').data.push({ x: x, y: p.targetRate });
  const classes = p.errorsByClass || {};
  for (const name of Object.keys(classes)) {
    series(s.throughput, 'error:' + name).data.push({ x: x, y: classes[name]! });
  }
  if (p.requests > 0) {
    series(s.latency, 'p50').data.push({ x: x, y: p.p50 });
    if (p.p90 !== undefined) series(s.latency, 'p90').data.push({ x: x, y: p.p90 });
    series(s.latency, 'p99').data.push({ x: x, y: p.p99 });
  }
  drawShares(s, p.servedBy || {}, x);
  sameScale(s.throughput, [p.requests, p.targetRate || 0]);
  for (const name of Object.keys(s.cumulative)) {
    series(s.correctness, name).data.push({ x: x, y: s.cumulative[name]! });
  }
  if (s.key === state.current) showSecond(s, p, x);
  markDirty(s);
}

/** each clone's share of the second's responses; one clone serving everything hides the chart (100%) */
function drawShares(s: Section, served: Record<string, number>, x: number): void {
  let total = 0;
  for (const name of Object.keys(served).sort()) {
    total += served[name]!;
    series(s.share, name);
  }
  if (total > 0) {
    for (const d of s.share.data.datasets) d.data.push({ x: x, y: (100 * (served[d.key] || 0)) / total });
  }
  s.share.canvas.parentElement!.hidden = s.share.data.datasets.length < 2;
}

export function onSample(e: EventOf<'sample'>): void {
  const s = makeSection(e.experiment, e.variant);
  for (const name of Object.keys(e.values)) {
    series(s.correctness, name, 'y1').data.push({ x: e.elapsedSeconds, y: e.values[name]! });
  }
  markDirty(s);
}

export function onTrialStart(e: EventOf<'trial-start'>): void {
  const s = makeSection(e.experiment, e.variant);
  s.trials = e.trials;
  s.seconds = e.seconds === undefined ? null : e.seconds;
  s.warmupSeconds = e.warmupSeconds === undefined || e.warmupSeconds === 0 ? null : e.warmupSeconds;
  s.el.querySelector('.trial')!.textContent =
    e.trials > 1 ? 'trial ' + (e.trial + 1) + ' of ' + e.trials : '';
  resetTrial(s);
  // the counters a flow has not counted yet show as zero lines from the start
  for (const name of e.counters || []) s.cumulative[name] = 0;
}

export function onTrialDone(e: EventOf<'trial-done'>): void {
  const s = makeSection(e.experiment, e.variant);
  s.totals = e.totals;
  renderHeadline(s);
}
