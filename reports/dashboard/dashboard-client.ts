/**
 * The dashboard page's own script, plain browser JavaScript (it runs after Chart.js and the chart
 * runtime of reports/charts/runtime.ts). It reads /events (server-sent events: the history first, then
 * the live stream) and keeps: a header that shows only the running variant and what it is doing
 * (starting, warm-up, measuring, searching capacity), banners for what an audience must not miss (a
 * fault, a clone back, a capacity found), one section per variant (dashboard-client-variant.ts) with its
 * capacity panel (dashboard-client-capacity.ts), a log, and the final report at full height (no scroll
 * inside the page's scroll). The body's data-* attributes (seconds, faults, state, report, banner) say
 * how far it got, for tests. Links keep the page's query string, so a token in the URL goes along.
 */
import { CAPACITY_CLIENT_SOURCE } from './dashboard-client-capacity.ts';
import { VARIANT_CLIENT_SOURCE } from './dashboard-client-variant.ts';
import { pageLabels } from './dashboard-labels.ts';

const MAIN_SOURCE = `
  var body = document.body;
  var sections = {};
  var order = [];
  var state = { total: 0, index: -1, planT: null, etaEnd: null, lastT: 0, seconds: 0, faults: 0, current: null };
  var dirty = {};
  var flushTimer = null;
  var bannerTimer = null;
  var query = window.location.search;
  var source = null;

  function text(id, value) { document.getElementById(id).textContent = value; }
  function wholeSeconds(s) {
    s = Math.max(0, Math.round(s));
    return s >= 60 ? Math.floor(s / 60) + 'm ' + (s % 60) + 's' : s + 's';
  }
  function fmt(n) { return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2); }

  function markDirty(s) {
    dirty[s.key] = s;
    if (flushTimer === null) flushTimer = setTimeout(flush, 100);
  }
  function flush() {
    flushTimer = null;
    Object.keys(dirty).forEach(function (key) { charts(dirty[key]).forEach(function (c) { c.update('none'); }); });
    dirty = {};
    body.setAttribute('data-seconds', String(state.seconds));
    body.setAttribute('data-faults', String(state.faults));
  }

  /** the header's figures: the running variant's second, each figure named, per second */
  function showSecond(s, p, x) {
    var of = s.seconds === null ? '' : ' of ' + s.seconds;
    text('phase', (p.warmup ? 'warm-up: ' : 'measuring: ') + x + ' s' + of + (s.trials > 1 ? ', trial ' + (s.trial + 1) + ' of ' + s.trials : ''));
    text('rate', p.requests + ' requests/s' + (p.targetRate === null ? '' : ' (planned ' + p.targetRate + ' iterations/s)') +
      ', p99 ' + fmt(p.p99) + ' ms, ' + p.errors + ' errors this second');
  }

  function banner(message, kind) {
    var el = document.getElementById('banner');
    el.textContent = message;
    el.className = kind;
    el.hidden = false;
    body.setAttribute('data-banner', kind);
    log(message, kind === 'capacity' ? 'found' : 'fault');
    clearTimeout(bannerTimer);
    bannerTimer = setTimeout(function () { el.hidden = true; body.removeAttribute('data-banner'); }, big() ? 12000 : 8000);
  }

  function onFault(e) {
    var s = makeSection(e.experiment, e.variant);
    state.faults += 1;
    var at = e.elapsedSeconds.toFixed(1) + ' s';
    s.faults.push({ x: e.elapsedSeconds, label: e.detail + ' @ ' + at });
    // a new array each time: Chart.js caches what it resolved of an option it was given, and misses a push
    charts(s).forEach(function (c) { c.options.plugins.sbFaults.faults = s.faults.slice(); });
    var back = /^restart (\\w+) (\\d+)$/.exec(e.detail);
    var killed = /^kill (\\w+) (\\d+)$/.exec(e.detail);
    var what = back ? back[1] + ' ' + back[2] + ' is back' : killed ? killed[1] + ' ' + killed[2] + ' killed' : e.detail;
    var after = e.elapsedSeconds - e.atSeconds > 0.05 ? ' (' + e.atSeconds.toFixed(1) + ' s after the warm-up)' : '';
    banner(e.experiment + '/' + e.variant + ': ' + what + ' at ' + at + after, back ? 'back' : 'fault');
    markDirty(s);
  }

  function log(message, kind) {
    var li = document.createElement('li');
    li.textContent = message;
    if (kind) li.className = kind;
    document.getElementById('log').appendChild(li);
  }

  function progress() {
    var fraction = state.total > 0 ? Math.max(0, state.index) / state.total : 0;
    // within the suite's estimate, by time; never past 99% until the run says it is done
    if (state.planT !== null && state.etaEnd !== null && state.etaEnd > state.planT) {
      fraction = Math.max(fraction, Math.min(0.99, (state.lastT - state.planT) / (state.etaEnd - state.planT)));
    }
    if (body.getAttribute('data-state') === 'done') fraction = 1;
    document.getElementById('bar').style.width = (100 * fraction).toFixed(1) + '%';
    text('progress', state.total > 0 ? 'variant ' + Math.min(state.index + 1, state.total) + ' of ' + state.total : '');
    if (state.etaEnd !== null) {
      var left = (state.etaEnd - state.lastT) / 1000;
      text('left', left >= 1 ? 'about ' + wholeSeconds(left) + ' left' : 'finishing (past the estimate)');
    }
  }

  /** the report at its full height: the page scrolls, the frame never does */
  function showReport() {
    var holder = document.getElementById('final');
    if (holder.querySelector('iframe')) return;
    var frame = document.createElement('iframe');
    frame.title = 'final report';
    frame.setAttribute('scrolling', 'no');
    function fit() {
      var doc = frame.contentDocument;
      if (doc && doc.documentElement) frame.style.height = doc.documentElement.scrollHeight + 'px';
    }
    frame.addEventListener('load', function () {
      var doc = frame.contentDocument;
      if (!doc || !doc.querySelector('h1')) { holder.querySelector('.note').textContent = 'the report could not be loaded: it is in the results folder'; return; }
      fit();
      if (window.ResizeObserver) new ResizeObserver(fit).observe(doc.body);
      body.setAttribute('data-report', 'loaded');
    });
    frame.src = 'report' + query;
    holder.appendChild(frame);
    holder.hidden = false;
  }

  function onVariantStart(e) {
    state.index = e.index;
    state.total = e.total;
    state.etaEnd = e.t + e.etaSeconds * 1000;
    var s = makeSection(e.experiment, e.variant);
    state.current = s.key;
    if (e.description) s.el.querySelector('.description').textContent = e.description;
    text('current', s.key);
    text('phase', 'starting the target…');
    text('rate', '');
    // a fault's banner belongs to the variant it happened in; a capacity found stays its time
    if (body.getAttribute('data-banner') !== 'capacity') {
      clearTimeout(bannerTimer);
      document.getElementById('banner').hidden = true;
      body.removeAttribute('data-banner');
    }
  }

  function handle(e) {
    state.lastT = e.t;
    switch (e.type) {
      case 'plan':
        text('title', e.title);
        document.title = e.title;
        if (e.profile === 'workshop') body.classList.add('workshop');
        state.total = e.variants.length;
        state.planT = e.t;
        state.etaEnd = e.t + e.etaSeconds * 1000;
        break;
      case 'variant-start': onVariantStart(e); break;
      case 'target-ready':
        log(e.experiment + '/' + e.variant + ': target ready' + (e.balancer ? ' behind the ' + e.balancer + ' balancer' : ''));
        if (state.current === e.experiment + '/' + e.variant) text('phase', 'target ready, load starting…');
        break;
      case 'trial-start': onTrialStart(e); break;
      case 'second': onSecond(e); break;
      case 'sample': onSample(e); break;
      case 'fault': onFault(e); break;
      case 'trial-done': onTrialDone(e); break;
      case 'capacity-start': onCapacityStart(e); break;
      case 'capacity-step': onCapacityStep(e); break;
      case 'capacity-done': onCapacityDone(e); break;
      case 'variant-done':
        state.index = Math.max(state.index, order.indexOf(e.experiment + '/' + e.variant));
        log(e.experiment + '/' + e.variant + ': done' + (e.failedThresholds > 0 ? ', ' + e.failedThresholds + ' threshold(s) failed' : '') + (e.valid ? '' : ', INVALID (generator saturated)'));
        break;
      case 'warning': log('warning: ' + e.message, 'warning'); break;
      case 'variants-skipped': log('skipped ' + e.variants.join(', ') + ': ' + e.reason, 'warning'); break;
      case 'run-done':
        state.index = state.total;
        state.etaEnd = null;
        state.current = null;
        text('left', e.complete ? 'finished' : 'interrupted: partial results');
        text('current', 'done');
        text('phase', '');
        text('rate', 'the final report is below');
        body.setAttribute('data-state', 'done');
        document.getElementById('banner').hidden = true;
        // nothing follows the last record: no reconnecting once the server is gone
        source.close();
        showReport();
        break;
    }
    progress();
  }
`;

/** last: the stream opens once every function above and in the spliced parts exists */
const START_SOURCE = `
  body.setAttribute('data-state', 'running');
  source = new EventSource('events' + query);
  source.onmessage = function (message) { handle(JSON.parse(message.data)); };
  source.onerror = function () { text('connection', body.getAttribute('data-state') === 'done' ? '' : 'reconnecting…'); };
  source.onopen = function () { text('connection', ''); };
`;

export const DASHBOARD_CLIENT_SOURCE = `(function () {
  'use strict';
  var runtime = window.scalebenchChartRuntime;
  Chart.register.apply(Chart, runtime.plugins);
  var LABELS = ${JSON.stringify(pageLabels())};
${MAIN_SOURCE}
${VARIANT_CLIENT_SOURCE}
${CAPACITY_CLIENT_SOURCE}
${START_SOURCE}
})();`;
