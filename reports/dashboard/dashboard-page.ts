/**
 * The dashboard's HTML: a header with the plan and progress, one section per variant (filled by the
 * client script), a log of what happened, and room for the final report. Everything it loads comes from
 * the dashboard server itself: Chart.js from the package, the chart runtime and the client script.
 */
import { CHART_RUNTIME_SOURCE } from '../charts/runtime.ts';
import { PAGE_STYLE } from '../html/page.ts';
import { DASHBOARD_CLIENT_SOURCE } from './dashboard-client.ts';

const DASHBOARD_STYLE = `${PAGE_STYLE}
body { max-width: 1400px; }
header { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid #ddd; z-index: 1; }
header h1 { margin: 0 0 4px; font-size: 22px; }
.status { display: flex; gap: 24px; flex-wrap: wrap; font-size: 15px; color: #333; }
.status #connection { color: #b00; }
.track { height: 8px; background: #eee; border-radius: 4px; margin-top: 6px; overflow: hidden; }
#bar { height: 100%; width: 0; background: #1f77b4; transition: width 0.5s; }
.variant h2 { margin-top: 24px; }
.variant .trial { color: #666; font-size: 16px; font-weight: normal; }
.charts { grid-template-columns: repeat(auto-fit, minmax(600px, 1fr)); }
.chart { height: 300px; }
#log { font-size: 14px; color: #444; } #log .fault { color: #d00000; font-weight: bold; } #log .warning { color: #a05a00; }
#final iframe { width: 100%; height: 90vh; border: 1px solid #ccc; }
`;

/** the page's scripts, served as one file: the chart runtime, then the client */
export const DASHBOARD_SCRIPT = `window.scalebenchChartRuntime = ${CHART_RUNTIME_SOURCE};\n${DASHBOARD_CLIENT_SOURCE}\n`;

export const DASHBOARD_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>scalebench dashboard</title>
<link rel="icon" href="data:,">
<style>${DASHBOARD_STYLE}</style>
</head>
<body>
<header>
<h1 id="title">scalebench dashboard</h1>
<div class="status"><span id="current">waiting for the run…</span><span id="rate"></span><span id="progress"></span><span id="left"></span><span id="connection"></span></div>
<div class="track"><div id="bar"></div></div>
</header>
<section id="final" hidden><h2>Final report</h2></section>
<div id="variants"></div>
<h2>What happened</h2>
<ul id="log"></ul>
<script src="assets/chart.umd.js"></script>
<script src="assets/dashboard.js"></script>
</body>
</html>
`;
