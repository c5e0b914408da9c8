/**
 * The dashboard's HTML: a header with the running variant, what it is doing, its figures and the
 * progress, a banner line for faults and findings, one section per variant (filled by the client
 * script), a log of what happened, and room for the final report. Everything it loads comes from the
 * dashboard server itself: Chart.js from the package, then the chart runtime and the client script
 * (client-script.ts). The
 * `workshop` body class (the workshop profile) sizes it for a projector.
 */
import { PAGE_STYLE } from '../html/page.ts';

const DASHBOARD_STYLE = `${PAGE_STYLE}
body { max-width: 1500px; }
header { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid #ddd; z-index: 1; }
header h1 { margin: 0 0 4px; font-size: 24px; }
.status { display: flex; gap: 8px 24px; flex-wrap: wrap; font-size: 17px; color: #222; }
.status #current { font-weight: bold; } .status #phase { color: #1f4f9f; }
.status #connection { color: #b00; }
.track { height: 10px; background: #eee; border-radius: 5px; margin-top: 6px; overflow: hidden; }
#bar { height: 100%; width: 0; background: #1f77b4; transition: width 0.5s; }
#banner { margin-top: 8px; padding: 10px 16px; font-size: 24px; font-weight: bold; border-radius: 6px; color: #fff; }
#banner.fault { background: #c00000; } #banner.back { background: #2a7a2a; } #banner.capacity { background: #1f4f9f; }
.variant h2 { margin-top: 28px; font-size: 26px; }
.variant .trial { color: #444; font-size: 18px; font-weight: normal; }
.variant .description { font-size: 20px; margin: 4px 0 8px; color: #222; }
.headline { display: flex; flex-wrap: wrap; gap: 8px 28px; font-size: 24px; font-weight: bold; margin: 6px 0 12px; }
.headline .good { color: #1d6b1d; } .headline .bad { color: #c00000; } .headline .plain { color: #222; }
.starting-note { display: none; font-size: 20px; color: #1f4f9f; padding: 24px; border: 2px dashed #9bb7e0; border-radius: 6px; }
.variant.starting .starting-note { display: block; } .variant.starting .charts { display: none; }
.charts { grid-template-columns: repeat(auto-fit, minmax(640px, 1fr)); }
.chart { height: 340px; }
.capacity { border: 2px solid #1f4f9f; border-radius: 6px; padding: 4px 16px 12px; margin-top: 16px; }
.capacity h3 { font-size: 21px; margin: 10px 0 4px; } .capacity .how { color: #333; font-size: 16px; }
.capacity .steps { font-size: 17px; line-height: 1.6; } .capacity .held { color: #1d6b1d; } .capacity .broke { color: #a00000; }
.capacity .result { font-size: 22px; font-weight: bold; color: #1f4f9f; }
#log { font-size: 15px; color: #333; } #log .fault { color: #c00000; font-weight: bold; } #log .found { color: #1f4f9f; font-weight: bold; } #log .warning { color: #a05a00; }
#final iframe { width: 100%; min-height: 400px; border: 1px solid #ccc; overflow: hidden; }
body.workshop { max-width: none; padding: 16px 32px; }
body.workshop header h1 { font-size: 34px; } body.workshop .status { font-size: 26px; }
body.workshop #banner { font-size: 38px; padding: 14px 20px; }
body.workshop .variant h2 { font-size: 38px; } body.workshop .variant .description { font-size: 30px; }
body.workshop .headline { font-size: 34px; } body.workshop .chart { height: 460px; }
body.workshop .charts { grid-template-columns: repeat(auto-fit, minmax(760px, 1fr)); }
body.workshop .capacity h3 { font-size: 30px; } body.workshop .capacity .steps { font-size: 24px; }
body.workshop .capacity .result { font-size: 32px; } body.workshop .capacity .how { font-size: 22px; }
`;

/** The page; `query` (e.g. '?token=…') goes on every URL it loads, so a token-guarded server serves them. */
export function dashboardPage(query = ''): string {
  return `<!doctype html>
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
<div class="status"><span id="current">waiting for the run…</span><span id="phase"></span><span id="rate"></span><span id="progress"></span><span id="left"></span><span id="connection"></span></div>
<div class="track"><div id="bar"></div></div>
<div id="banner" hidden></div>
</header>
<section id="final" hidden><h2>Final report</h2><p class="note"></p></section>
<div id="variants"></div>
<h2>What happened</h2>
<ul id="log"></ul>
<script src="assets/chart.umd.js${query}"></script>
<script src="assets/dashboard.js${query}"></script>
</body>
</html>
`;
}
