/**
 * The dashboard page's script (it runs after Chart.js and the chart runtime of reports/charts/runtime.ts).
 * It reads /events (server-sent events: the history first, then the live stream) and keeps: a header
 * that shows only the running variant and what it is doing (starting, warm-up, measuring, searching
 * capacity), banners for what an audience must not miss (a fault, a clone back, a capacity found), one
 * section per variant (variant.ts) with its capacity panel (capacity.ts), a log, and the final report at
 * full height (no scroll inside the page's scroll). Links keep the page's query string, so a token in
 * the URL goes along. reports/dashboard/client-script.ts makes the served script of these modules.
 */
import type { LiveEvent } from '../../../results/live-events.ts';
import { onCapacityDone, onCapacityStart, onCapacityStep } from './capacity.ts';
import { chartJs } from './chart-api.ts';
import {
  banner,
  body,
  charts,
  clearBanner,
  type EventOf,
  log,
  markDirty,
  order,
  state,
  text,
  wholeSeconds,
} from './page.ts';
import { makeSection, onSample, onSecond, onTrialDone, onTrialStart } from './variant.ts';

const query = window.location.search;
let source: EventSource | null = null;

function onFault(e: EventOf<'fault'>): void {
  const s = makeSection(e.experiment, e.variant);
  state.faults += 1;
  const at = e.elapsedSeconds.toFixed(1) + ' s';
  s.faults.push({ x: e.elapsedSeconds, label: e.detail + ' @ ' + at });
  // a new array each time: Chart.js caches what it resolved of an option it was given, and misses a push
  for (const c of charts(s)) c.options.plugins.sbFaults.faults = s.faults.slice();
  const back = /^restart (\w+) (\d+)$/.exec(e.detail);
  const killed = /^kill (\w+) (\d+)$/.exec(e.detail);
  const what = back
    ? back[1] + ' ' + back[2] + ' is back'
    : killed
      ? killed[1] + ' ' + killed[2] + ' killed'
      : e.detail;
  const after =
    e.elapsedSeconds - e.atSeconds > 0.05 ? ' (' + e.atSeconds.toFixed(1) + ' s after the warm-up)' : '';
  banner(e.experiment + '/' + e.variant + ': ' + what + ' at ' + at + after, back ? 'back' : 'fault');
  markDirty(s);
}

function progress(): void {
  let fraction = state.total > 0 ? Math.max(0, state.index) / state.total : 0;
  // within the suite's estimate, by time; never past 99% until the run says it is done
  if (state.planT !== null && state.etaEnd !== null && state.etaEnd > state.planT) {
    fraction = Math.max(fraction, Math.min(0.99, (state.lastT - state.planT) / (state.etaEnd - state.planT)));
  }
  if (body.getAttribute('data-state') === 'done') fraction = 1;
  document.getElementById('bar')!.style.width = (100 * fraction).toFixed(1) + '%';
  text(
    'progress',
    state.total > 0 ? 'variant ' + Math.min(state.index + 1, state.total) + ' of ' + state.total : '',
  );
  if (state.etaEnd !== null) {
    const left = (state.etaEnd - state.lastT) / 1000;
    text('left', left >= 1 ? 'about ' + wholeSeconds(left) + ' left' : 'finishing (past the estimate)');
  }
}

/** the report at its full height: the page scrolls, the frame never does */
function showReport(): void {
  const holder = document.getElementById('final')!;
  if (holder.querySelector('iframe')) return;
  const frame = document.createElement('iframe');
  frame.title = 'final report';
  frame.setAttribute('scrolling', 'no');
  const fitHeight = () => {
    const doc = frame.contentDocument;
    if (doc?.documentElement) frame.style.height = doc.documentElement.scrollHeight + 'px';
  };
  frame.addEventListener('load', () => {
    const doc = frame.contentDocument;
    if (!doc?.querySelector('h1')) {
      holder.querySelector('.note')!.textContent =
        'the report could not be loaded: it is in the results folder';
      return;
    }
    fitHeight();
    if (window.ResizeObserver) new ResizeObserver(fitHeight).observe(doc.body);
    body.setAttribute('data-report', 'loaded');
  });
  frame.src = 'report' + query;
  holder.appendChild(frame);
  holder.hidden = false;
}

function onVariantStart(e: EventOf<'variant-start'>): void {
  state.index = e.index;
  state.total = e.total;
  state.etaEnd = e.t + e.etaSeconds * 1000;
  const s = makeSection(e.experiment, e.variant);
  state.current = s.key;
  if (e.description) s.el.querySelector('.description')!.textContent = e.description;
  text('current', s.key);
  text('phase', 'starting the target…');
  text('rate', '');
  // a fault's banner belongs to the variant it happened in; a capacity found stays its time
  if (body.getAttribute('data-banner') !== 'capacity') clearBanner();
}

function onPlan(e: EventOf<'plan'>): void {
  text('title', e.title);
  document.title = e.title;
  if (e.profile === 'workshop') body.classList.add('workshop');
  state.total = e.variants.length;
  state.planT = e.t;
  state.etaEnd = e.t + e.etaSeconds * 1000;
}

function onTargetReady(e: EventOf<'target-ready'>): void {
  log(
    e.experiment +
      '/' +
      e.variant +
      ': target ready' +
      (e.balancer ? ' behind the ' + e.balancer + ' balancer' : ''),
  );
  if (state.current === e.experiment + '/' + e.variant) text('phase', 'target ready, load starting…');
}

function onVariantDone(e: EventOf<'variant-done'>): void {
  state.index = Math.max(state.index, order.indexOf(e.experiment + '/' + e.variant));
  log(
    e.experiment +
      '/' +
      e.variant +
      ': done' +
      (e.failedThresholds > 0 ? ', ' + e.failedThresholds + ' threshold(s) failed' : '') +
      (e.valid ? '' : ', INVALID (generator saturated)'),
  );
}

function onRunDone(e: EventOf<'run-done'>): void {
  state.index = state.total;
  state.etaEnd = null;
  state.current = null;
  text('left', e.complete ? 'finished' : 'interrupted: partial results');
  text('current', 'done');
  text('phase', '');
  text('rate', 'the final report is below');
  body.setAttribute('data-state', 'done');
  document.getElementById('banner')!.hidden = true;
  // nothing follows the last record: no reconnecting once the server is gone
  source!.close();
  showReport();
}

function handle(e: LiveEvent): void {
  state.lastT = e.t;
  switch (e.type) {
    case 'plan':
      onPlan(e);
      break;
    case 'variant-start':
      onVariantStart(e);
      break;
    case 'target-ready':
      onTargetReady(e);
      break;
    case 'trial-start':
      onTrialStart(e);
      break;
    case 'second':
      onSecond(e);
      break;
    case 'sample':
      onSample(e);
      break;
    case 'fault':
      onFault(e);
      break;
    case 'trial-done':
      onTrialDone(e);
      break;
    case 'capacity-start':
      onCapacityStart(e);
      break;
    case 'capacity-step':
      onCapacityStep(e);
      break;
    case 'capacity-done':
      onCapacityDone(e);
      break;
    case 'variant-done':
      onVariantDone(e);
      break;
    case 'warning':
      log('warning: ' + e.message, 'warning');
      break;
    case 'comparison-rate':
      log(e.experiment + ': variants compared at ' + e.rate + '/s (' + e.reason + ')');
      break;
    case 'variants-skipped':
      log('skipped ' + e.variants.join(', ') + ': ' + e.reason, 'warning');
      break;
    case 'run-done':
      onRunDone(e);
      break;
  }
  progress();
}

const Chart = chartJs();
Chart.register(...window.scalebenchChartRuntime.plugins);
body.setAttribute('data-state', 'running');
source = new EventSource('events' + query);
source.onmessage = (message) => handle(JSON.parse(message.data));
source.onerror = () => text('connection', body.getAttribute('data-state') === 'done' ? '' : 'reconnecting…');
source.onopen = () => text('connection', '');
