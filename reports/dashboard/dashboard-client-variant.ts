/**
 * The live page's variant sections (plain browser JavaScript, spliced into the client's closure by
 * dashboard-client.ts): a plain description, the headline figures (latency, errors, and each failure as
 * "N of M"), a "starting…" note until the first second, and four charts on one time base — seconds since
 * the trial started, warm-up included, a point drawn at the end of the second it counts, faults at the
 * moment they happened. Every series has a fixed colour and a human name: red is only for failures.
 */
export const VARIANT_CLIENT_SOURCE = `
  var CLONE_COLOURS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#17becf', '#bcbd22', '#e377c2', '#7f7f7f'];
  var FAILURE_COLOURS = ['#d62728', '#ff7f0e', '#e377c2', '#8c564b'];
  var ERROR_COLOURS = ['#d62728', '#ff9896', '#8c1c13', '#e377c2', '#ff7f0e'];
  var LATENCY_COLOURS = { p50: '#1f77b4', p90: '#9467bd', p99: '#ff7f0e' };
  var failureOf = {};
  LABELS.failures.forEach(function (f) { failureOf[f.violation] = f; });

  function nameOf(key) {
    return LABELS.names[key] || key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
  function big() { return body.classList.contains('workshop'); }

  function chartConfig(title, yTitle, extra) {
    var font = { size: big() ? 22 : 17, weight: 'bold' };
    var axisFont = { size: big() ? 18 : 14 };
    var scales = {
      x: { type: 'linear', min: 0, title: { display: true, text: 'seconds since the trial started (grey: warm-up)', font: axisFont, color: '#222' }, ticks: { font: axisFont } },
      y: { beginAtZero: true, title: { display: true, text: yTitle, font: axisFont, color: '#222' }, ticks: { font: axisFont } }
    };
    Object.keys(extra || {}).forEach(function (name) { scales[name] = extra[name]; });
    return {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: true,
        interaction: { mode: 'nearest', intersect: false },
        elements: { point: { radius: big() ? 3 : 2 }, line: { borderWidth: big() ? 4 : 3 } },
        scales: scales,
        plugins: {
          title: { display: true, text: title, font: font, color: '#111' },
          legend: { position: 'bottom', labels: { font: { size: big() ? 18 : 14 }, color: '#222' } },
          sbFaults: { faults: [], warmupUntil: null, fontSize: big() ? 18 : 13 }
        }
      }
    };
  }

  function rightAxis(title, shown) {
    return { display: shown, beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: title, font: { size: big() ? 18 : 14 }, color: '#222' } };
  }

  function makeSection(experiment, variant) {
    var key = experiment + '/' + variant;
    if (sections[key]) return sections[key];
    var el = document.createElement('section');
    el.className = 'variant starting';
    el.setAttribute('data-variant', key);
    el.innerHTML = '<h2><span class="name"></span> <span class="trial"></span></h2>' +
      '<p class="description"></p><div class="headline"></div>' +
      '<p class="starting-note">starting the target… the charts begin with its first second of load</p>' +
      '<div class="charts">' +
      '<div class="chart"><canvas data-chart="throughput"></canvas></div>' +
      '<div class="chart"><canvas data-chart="latency"></canvas></div>' +
      '<div class="chart"><canvas data-chart="share"></canvas></div>' +
      '<div class="chart"><canvas data-chart="correctness"></canvas></div>' +
      '</div>' +
      '<section class="capacity" hidden><h3></h3><p class="how"></p><ol class="steps"></ol><p class="result"></p></section>';
    el.querySelector('.name').textContent = key;
    document.getElementById('variants').insertBefore(el, document.getElementById('variants').firstChild);
    function chart(name, config) { return new Chart(el.querySelector('canvas[data-chart="' + name + '"]'), config); }
    var s = {
      key: key, el: el, trial: 0, trials: 1, seconds: null, warmupSeconds: null,
      throughput: chart('throughput', chartConfig('Requests per second (bars: errors)', 'requests per second', { y2: rightAxis('iterations per second (planned)', false) })),
      latency: chart('latency', chartConfig('Response time: p50, p90, p99', 'milliseconds')),
      share: chart('share', chartConfig("Each clone's share of the responses", '% of responses')),
      correctness: chart('correctness', chartConfig('Correctness (running count)', 'count', { y1: rightAxis('sampled from the target', false) })),
      cumulative: {}, live: null, totals: null
    };
    s.share.options.scales.y.max = 100;
    sections[key] = s;
    order.push(key);
    resetTrial(s);
    return s;
  }

  function charts(s) { return [s.throughput, s.latency, s.share, s.correctness]; }

  function resetTrial(s) {
    s.cumulative = {};
    s.live = null;
    s.totals = null;
    s.throughput.sbTop = 0;
    s.faults = [];
    charts(s).forEach(function (c) {
      c.data.datasets = [];
      c.options.plugins.sbFaults.faults = [];
      c.options.plugins.sbFaults.warmupUntil = s.warmupSeconds;
      // the whole trial's time axis from the start; half a second more so the last bar is whole
      c.options.scales.x.max = s.seconds === null ? undefined : s.seconds + 0.5;
    });
    series(s.throughput, 'requests');
    ['p50', 'p90', 'p99'].forEach(function (p) { series(s.latency, p); });
    markDirty(s);
  }

  /** a chart's series by key, created with its fixed style the first time */
  function series(c, key, axis) {
    for (var i = 0; i < c.data.datasets.length; i++) if (c.data.datasets[i].key === key) return c.data.datasets[i];
    var d = { key: key, label: nameOf(key), type: 'line', data: [], yAxisID: axis || 'y', borderWidth: big() ? 4 : 3, order: 1 };
    var canvas = c.canvas.getAttribute('data-chart');
    if (canvas === 'throughput') styleThroughput(c, d, key);
    else if (canvas === 'latency') { d.label = key + ' (ms)'; d.borderColor = LATENCY_COLOURS[key]; }
    else if (canvas === 'share') { d.label = key; d.borderColor = CLONE_COLOURS[c.data.datasets.length % CLONE_COLOURS.length]; }
    else styleCorrectness(c, d, key);
    d.backgroundColor = d.borderColor;
    c.data.datasets.push(d);
    return d;
  }

  function styleThroughput(c, d, key) {
    if (key === 'requests') { d.label = 'requests/s'; d.borderColor = '#1f77b4'; return; }
    if (key === 'planned') {
      d.label = 'planned iterations/s (right axis; an iteration makes several requests)';
      d.borderColor = '#7f7f7f'; d.borderDash = [8, 5]; d.pointRadius = 0; d.yAxisID = 'y2';
      c.options.scales.y2.display = true;
      return;
    }
    var errors = c.data.datasets.filter(function (x) { return x.type === 'bar'; }).length;
    d.type = 'bar'; d.stack = 'errors'; d.order = 0;
    d.borderColor = ERROR_COLOURS[errors % ERROR_COLOURS.length];
    d.label = nameOf(key.slice('error:'.length)) + ' per second';
  }

  function styleCorrectness(c, d, key) {
    if (d.yAxisID === 'y1') {
      d.borderColor = '#17becf'; d.borderDash = [2, 3];
      c.options.scales.y1.display = true;
    } else if (failureOf[key]) {
      // a failure: thick, red first, under its total so both stay visible where they are equal
      var failures = c.data.datasets.filter(function (x) { return failureOf[x.key]; }).length;
      d.borderColor = FAILURE_COLOURS[failures % FAILURE_COLOURS.length];
      d.borderWidth = big() ? 10 : 7; d.order = 2;
    } else if (LABELS.totals.indexOf(key) >= 0) {
      d.borderColor = '#444'; d.borderDash = [10, 6]; d.borderWidth = 2; d.order = 0; d.pointRadius = 0;
    } else {
      d.borderColor = '#8c564b'; d.borderDash = [3, 3];
    }
  }

  /** both throughput axes on one scale: 30 planned iterations/s sits at 30, beside the requests */
  function sameScale(c, values) {
    var top = Math.max.apply(null, [c.sbTop || 0].concat(values));
    c.sbTop = top;
    var step = Math.pow(10, Math.floor(Math.log10(Math.max(top, 1))));
    var max = Math.ceil((top * 1.1) / step) * step;
    c.options.scales.y.max = max;
    c.options.scales.y2.max = max;
  }

  function percent(n, total) {
    var p = 100 * n / total;
    return p >= 10 || p === 0 ? p.toFixed(0) + '%' : p.toFixed(1) + '%';
  }

  /** the figures an audience should read first: latency, errors, and every failure as N of M */
  function renderHeadline(s) {
    var f = s.totals || s.live;
    var box = s.el.querySelector('.headline');
    if (!f) { box.innerHTML = ''; return; }
    var items = [];
    function item(text, kind) { items.push('<span class="figure ' + kind + '">' + text + '</span>'); }
    // while it runs, latency is the last second's; once the trial is done, the whole trial's
    var when = s.totals ? '' : ' (last second)';
    item('p50 ' + fmt(f.p50) + ' ms' + when, 'plain');
    item('p99 ' + fmt(f.p99) + ' ms' + when, 'plain');
    item(f.errors > 0 ? 'errors: ' + f.errors + ' of ' + f.requests + ' requests (' + percent(f.errors, f.requests) + ')' : 'no errors', f.errors > 0 ? 'bad' : 'good');
    var counts = s.totals ? s.totals.correctness : s.cumulative;
    LABELS.failures.forEach(function (m) {
      if (counts[m.violation] === undefined) return;
      var n = counts[m.violation];
      var total = m.denominator === null ? undefined : counts[m.denominator];
      var text = total ? m.label + ': ' + n + ' of ' + total + ' (' + percent(n, total) + ')' : m.label + ': ' + n;
      item(text, n > 0 ? 'bad' : 'good');
    });
    box.innerHTML = items.join('');
    box.setAttribute('data-final', s.totals ? 'yes' : 'no');
  }

  function onSecond(e) {
    var s = makeSection(e.experiment, e.variant);
    var p = e.point;
    var x = p.elapsedSeconds;
    state.seconds += 1;
    s.el.classList.remove('starting');
    var counters = p.counters || {};
    Object.keys(counters).forEach(function (name) { s.cumulative[name] = (s.cumulative[name] || 0) + counters[name]; });
    // past the planned end: the last iterations finishing, not a second of load (counted, not drawn)
    var tail = s.seconds !== null && x > s.seconds;
    var last = s.live;
    s.live = { requests: p.totalRequests, errors: p.totalErrors, p50: tail && last ? last.p50 : p.p50, p99: tail && last ? last.p99 : p.p99 };
    renderHeadline(s);
    if (tail) return;
    if (p.warmup && s.warmupSeconds === null) charts(s).forEach(function (c) { c.options.plugins.sbFaults.warmupUntil = x; });
    series(s.throughput, 'requests').data.push({ x: x, y: p.requests });
    if (p.targetRate !== null) series(s.throughput, 'planned').data.push({ x: x, y: p.targetRate });
    var classes = p.errorsByClass || {};
    Object.keys(classes).forEach(function (name) { series(s.throughput, 'error:' + name).data.push({ x: x, y: classes[name] }); });
    if (p.requests > 0) {
      series(s.latency, 'p50').data.push({ x: x, y: p.p50 });
      if (p.p90 !== undefined) series(s.latency, 'p90').data.push({ x: x, y: p.p90 });
      series(s.latency, 'p99').data.push({ x: x, y: p.p99 });
    }
    var served = p.servedBy || {};
    var total = 0;
    Object.keys(served).sort().forEach(function (name) { total += served[name]; series(s.share, name); });
    sameScale(s.throughput, [p.requests, p.targetRate || 0]);
    if (total > 0) s.share.data.datasets.forEach(function (d) { d.data.push({ x: x, y: 100 * (served[d.key] || 0) / total }); });
    // one clone serves everything: a share chart would only say 100%
    s.share.canvas.parentNode.hidden = s.share.data.datasets.length < 2;
    Object.keys(s.cumulative).forEach(function (name) { series(s.correctness, name).data.push({ x: x, y: s.cumulative[name] }); });
    if (s.key === state.current) showSecond(s, p, x);
    markDirty(s);
  }

  function onSample(e) {
    var s = makeSection(e.experiment, e.variant);
    Object.keys(e.values).forEach(function (name) { series(s.correctness, name, 'y1').data.push({ x: e.elapsedSeconds, y: e.values[name] }); });
    markDirty(s);
  }

  function onTrialStart(e) {
    var s = makeSection(e.experiment, e.variant);
    s.trials = e.trials;
    s.seconds = e.seconds === undefined ? null : e.seconds;
    s.warmupSeconds = e.warmupSeconds === undefined || e.warmupSeconds === 0 ? null : e.warmupSeconds;
    s.el.querySelector('.trial').textContent = e.trials > 1 ? 'trial ' + (e.trial + 1) + ' of ' + e.trials : '';
    resetTrial(s);
    // the counters a flow has not counted yet show as zero lines from the start
    (e.counters || []).forEach(function (name) { s.cumulative[name] = 0; });
  }

  function onTrialDone(e) {
    var s = makeSection(e.experiment, e.variant);
    s.totals = e.totals;
    renderHeadline(s);
  }
`;
