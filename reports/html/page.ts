/** The static parts of report.html: styles and the boot script that draws every chart from embedded JSON. */

export const PAGE_STYLE = `
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 0 auto; max-width: 1180px; padding: 24px; color: #222; background: #fff; }
h1 { margin-bottom: 4px; } h2 { margin-top: 40px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.meta { color: #666; font-size: 14px; }
.partial { background: #fff4e5; border-left: 4px solid #f0a020; padding: 8px 12px; }
table { border-collapse: collapse; margin: 12px 0; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 4px 10px; } th { background: #f5f5f5; }
.table-wrap { max-width: 100%; overflow-x: auto; } .table-wrap table { font-size: 13px; } .table-wrap th { white-space: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.fail { background: #fde2e1; color: #a4161a; font-weight: 600; } td.warn { background: #fff3cd; color: #8a5300; font-weight: 600; }
.findings { line-height: 1.5; }
.takeaway { font-size: 17px; background: #f2f7ff; border-left: 4px solid #1f77b4; padding: 8px 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
.chart { position: relative; height: 360px; border: 1px solid #eee; padding: 8px; }
`;

/** Runs after Chart.js and the chart runtime: registers the plugins and draws each embedded spec. */
export const BOOT_SCRIPT = `
(function () {
  var runtime = window.scalebenchChartRuntime;
  Chart.register.apply(Chart, runtime.plugins);
  var specs = JSON.parse(document.getElementById('sb-charts').textContent);
  specs.forEach(function (spec) {
    var canvas = document.getElementById('chart-' + spec.id);
    var config = runtime.hydrate(spec.config);
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    config.options.animation = false;
    new Chart(canvas, config);
  });
  document.body.setAttribute('data-charts-ready', String(specs.length));
})();
`;
