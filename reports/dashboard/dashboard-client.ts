/**
 * The dashboard page's own script, plain browser JavaScript (it runs after Chart.js and the chart
 * runtime of reports/charts/runtime.ts). It reads /events (server-sent events: the history first, then
 * the live stream), keeps one section per variant with four charts updated every second — throughput
 * with errors by class, p50/p90/p99, each clone's share, correctness counters with sampled target figures
 * — draws a red line at every fault, and shows the final report (/report) when the run is over.
 * The body's data-* attributes (seconds, faults, state, report) say how far it got, for tests.
 */
export const DASHBOARD_CLIENT_SOURCE = `(function () {
  'use strict';
  var runtime = window.scalebenchChartRuntime;
  Chart.register.apply(Chart, runtime.plugins);
  var palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
  var body = document.body;
  var sections = {};
  var order = [];
  var state = { total: 0, index: -1, planT: null, etaEnd: null, lastT: 0, seconds: 0, faults: 0 };
  var dirty = {};
  var flushTimer = null;

  function text(id, value) { document.getElementById(id).textContent = value; }
  function wholeSeconds(s) {
    s = Math.max(0, Math.round(s));
    return s >= 60 ? Math.floor(s / 60) + 'm ' + (s % 60) + 's' : s + 's';
  }
  function fmt(n) { return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2); }

  function chartConfig(title, yTitle, withRight) {
    var scales = {
      x: { type: 'linear', min: 0, title: { display: true, text: 'seconds (warm-up shaded)' } },
      y: { beginAtZero: true, title: { display: true, text: yTitle } }
    };
    // shown only once a sampled figure (queue depth, replica lag) is on it
    if (withRight) scales.y1 = { display: 'auto', beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'sampled' } };
    return {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: true,
        interaction: { mode: 'nearest', intersect: false },
        elements: { point: { radius: 1.5 }, line: { borderWidth: 2 } },
        scales: scales,
        plugins: { title: { display: true, text: title }, legend: { position: 'bottom' }, sbFaults: { faults: [], warmupUntil: null } }
      }
    };
  }

  function makeSection(experiment, variant) {
    var key = experiment + '/' + variant;
    if (sections[key]) return sections[key];
    var el = document.createElement('section');
    el.className = 'variant';
    el.setAttribute('data-variant', key);
    el.innerHTML = '<h2><span class="name"></span> <span class="trial"></span></h2>' +
      '<p class="totals"></p><div class="charts">' +
      '<div class="chart"><canvas data-chart="throughput"></canvas></div>' +
      '<div class="chart"><canvas data-chart="latency"></canvas></div>' +
      '<div class="chart"><canvas data-chart="share"></canvas></div>' +
      '<div class="chart"><canvas data-chart="correctness"></canvas></div>' +
      '</div><ul class="steps"></ul>';
    el.querySelector('.name').textContent = key;
    document.getElementById('variants').insertBefore(el, document.getElementById('variants').firstChild);
    function chart(name, config) { return new Chart(el.querySelector('canvas[data-chart="' + name + '"]'), config); }
    var s = {
      key: key, el: el, trial: 0,
      throughput: chart('throughput', chartConfig('Throughput (requests/s) and errors by class', 'per second', false)),
      latency: chart('latency', chartConfig('Response time p50 / p90 / p99 (ms)', 'ms', false)),
      share: chart('share', chartConfig("Each clone's share of the responses (%)", '%', false)),
      correctness: chart('correctness', chartConfig('Correctness counters (cumulative) and target figures', 'count', true)),
      cumulative: {}
    };
    sections[key] = s;
    order.push(key);
    resetTrial(s);
    return s;
  }

  function charts(s) { return [s.throughput, s.latency, s.share, s.correctness]; }

  function resetTrial(s) {
    s.cumulative = {};
    charts(s).forEach(function (c) {
      c.data.datasets = [];
      c.options.plugins.sbFaults.faults = [];
      c.options.plugins.sbFaults.warmupUntil = null;
    });
    dataset(s.throughput, 'requests/s', 'line');
    dataset(s.latency, 'p50', 'line');
    dataset(s.latency, 'p90', 'line');
    dataset(s.latency, 'p99', 'line');
    markDirty(s);
  }

  function dataset(c, label, type, axis) {
    for (var i = 0; i < c.data.datasets.length; i++) if (c.data.datasets[i].label === label) return c.data.datasets[i];
    var color = palette[c.data.datasets.length % palette.length];
    var d = { label: label, type: type, data: [], borderColor: color, backgroundColor: color, yAxisID: axis || 'y' };
    if (type === 'bar') { d.stack = 'errors'; d.barThickness = 10; }
    c.data.datasets.push(d);
    return d;
  }

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

  function onSecond(e) {
    var s = makeSection(e.experiment, e.variant);
    var p = e.point;
    var x = p.elapsedSeconds;
    state.seconds += 1;
    if (p.warmup) charts(s).forEach(function (c) { c.options.plugins.sbFaults.warmupUntil = x; });
    dataset(s.throughput, 'requests/s', 'line').data.push({ x: x, y: p.requests });
    if (p.targetRate !== null) dataset(s.throughput, 'target iterations/s', 'line').data.push({ x: x, y: p.targetRate });
    var classes = p.errorsByClass || {};
    Object.keys(classes).forEach(function (name) { dataset(s.throughput, 'errors: ' + name, 'bar').data.push({ x: x, y: classes[name] }); });
    if (p.requests > 0) {
      dataset(s.latency, 'p50', 'line').data.push({ x: x, y: p.p50 });
      if (p.p90 !== undefined) dataset(s.latency, 'p90', 'line').data.push({ x: x, y: p.p90 });
      dataset(s.latency, 'p99', 'line').data.push({ x: x, y: p.p99 });
    }
    var served = p.servedBy || {};
    var total = 0;
    Object.keys(served).forEach(function (name) { total += served[name]; });
    if (total > 0) {
      Object.keys(served).forEach(function (name) { dataset(s.share, name, 'line'); });
      s.share.data.datasets.forEach(function (d) { d.data.push({ x: x, y: 100 * (served[d.label] || 0) / total }); });
    }
    var counters = p.counters || {};
    Object.keys(counters).forEach(function (name) { s.cumulative[name] = (s.cumulative[name] || 0) + counters[name]; });
    Object.keys(s.cumulative).forEach(function (name) { dataset(s.correctness, name, 'line').data.push({ x: x, y: s.cumulative[name] }); });
    text('current', e.experiment + '/' + e.variant + (s.trials > 1 ? ', trial ' + (e.trial + 1) + '/' + s.trials : ''));
    text('rate', x + ' s' + (p.warmup ? ' (warm-up)' : '') + ': ' + p.requests + ' req/s, p99 ' + fmt(p.p99) + ' ms, errors ' + p.totalErrors);
    markDirty(s);
  }

  function onSample(e) {
    var s = makeSection(e.experiment, e.variant);
    Object.keys(e.values).forEach(function (name) { dataset(s.correctness, name, 'line', 'y1').data.push({ x: e.elapsedSeconds, y: e.values[name] }); });
    markDirty(s);
  }

  function onFault(e) {
    var s = makeSection(e.experiment, e.variant);
    state.faults += 1;
    charts(s).forEach(function (c) { c.options.plugins.sbFaults.faults.push({ x: e.elapsedSeconds, label: e.detail }); });
    log('fault at ' + e.atSeconds.toFixed(1) + ' s of ' + e.experiment + '/' + e.variant + ': ' + e.detail, 'fault');
    markDirty(s);
  }

  function onTrialDone(e) {
    var s = makeSection(e.experiment, e.variant);
    var t = e.totals;
    var parts = ['trial ' + (e.trial + 1) + ': ' + t.requests + ' requests', t.errors + ' errors', 'p50 ' + fmt(t.p50) + ' ms', 'p99 ' + fmt(t.p99) + ' ms'];
    Object.keys(t.correctness).forEach(function (name) { parts.push(name + ' ' + t.correctness[name]); });
    s.el.querySelector('.totals').textContent = parts.join(', ');
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

  function showReport() {
    var holder = document.getElementById('final');
    if (holder.querySelector('iframe')) return;
    var frame = document.createElement('iframe');
    frame.title = 'final report';
    frame.addEventListener('load', function () { body.setAttribute('data-report', 'loaded'); });
    frame.src = 'report';
    holder.appendChild(frame);
    holder.hidden = false;
  }

  function handle(e) {
    state.lastT = e.t;
    switch (e.type) {
      case 'plan':
        text('title', e.title);
        document.title = e.title;
        state.total = e.variants.length;
        state.planT = e.t;
        state.etaEnd = e.t + e.etaSeconds * 1000;
        break;
      case 'variant-start':
        state.index = e.index;
        state.total = e.total;
        state.etaEnd = e.t + e.etaSeconds * 1000;
        makeSection(e.experiment, e.variant);
        text('current', e.experiment + '/' + e.variant + ': starting target');
        break;
      case 'target-ready':
        log(e.experiment + '/' + e.variant + ': target ready' + (e.balancer ? ' behind ' + e.balancer : ''));
        break;
      case 'trial-start': {
        var s = makeSection(e.experiment, e.variant);
        s.trials = e.trials;
        s.el.querySelector('.trial').textContent = e.trials > 1 ? 'trial ' + (e.trial + 1) + '/' + e.trials : '';
        resetTrial(s);
        // the counters a flow has not counted yet show as zero lines from the start
        (e.counters || []).forEach(function (name) { s.cumulative[name] = 0; });
        break;
      }
      case 'second': onSecond(e); break;
      case 'sample': onSample(e); break;
      case 'fault': onFault(e); break;
      case 'trial-done': onTrialDone(e); break;
      case 'capacity-step': {
        var c = makeSection(e.experiment, e.variant);
        var li = document.createElement('li');
        li.textContent = 'capacity step ' + e.rate + '/s: p99 ' + fmt(e.p99Ms) + ' ms, errors ' + (100 * e.errorRate).toFixed(2) + '% ' + (e.ok ? 'held' : 'broken' + (e.broken ? ' (' + e.broken + ')' : ''));
        c.el.querySelector('.steps').appendChild(li);
        break;
      }
      case 'variant-done':
        state.index = Math.max(state.index, order.indexOf(e.experiment + '/' + e.variant));
        log(e.experiment + '/' + e.variant + ': done' + (e.failedThresholds > 0 ? ', ' + e.failedThresholds + ' threshold(s) failed' : '') + (e.valid ? '' : ', INVALID (generator saturated)'));
        break;
      case 'warning': log('warning: ' + e.message, 'warning'); break;
      case 'variants-skipped': log('skipped ' + e.variants.join(', ') + ': ' + e.reason, 'warning'); break;
      case 'run-done':
        state.index = state.total;
        state.etaEnd = null;
        text('left', e.complete ? 'finished' : 'interrupted: partial results');
        text('current', 'done');
        body.setAttribute('data-state', 'done');
        // nothing follows the last record: no reconnecting once the server is gone
        source.close();
        showReport();
        break;
    }
    progress();
  }

  body.setAttribute('data-state', 'running');
  var source = new EventSource('events');
  source.onmessage = function (message) { handle(JSON.parse(message.data)); };
  source.onerror = function () { text('connection', body.getAttribute('data-state') === 'done' ? '' : 'reconnecting…'); };
  source.onopen = function () { text('connection', ''); };
})();`;
