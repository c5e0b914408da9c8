/**
 * Chart behaviour that needs functions, written once as plain browser JavaScript so the very same code
 * runs inside report.html and, through `loadChartRuntime`, in Node for the PNG charts:
 * - sbBackground: paints the canvas white before drawing (PNGs are not transparent);
 * - sbFaults: shades the warm-up and draws a labelled red line at each injected fault (the label on a
 *   white box, `fontSize` px, default 12);
 * - hydrate(config): adds the "nines" tick labels (1 → 90%, 2 → 99%, ...) to a spectrum's x axis.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';

export const CHART_RUNTIME_SOURCE = `(function () {
  function ninesLabel(value) {
    var percent = 100 * (1 - Math.pow(10, -value));
    if (value === 0) return '0%';
    return (Math.round(percent * 1000) / 1000) + '%';
  }
  var background = {
    id: 'sbBackground',
    beforeDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    }
  };
  var faults = {
    id: 'sbFaults',
    beforeDatasetsDraw: function (chart, args, options) {
      var x = chart.scales.x;
      var area = chart.chartArea;
      if (!x || !options || options.warmupUntil == null) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = 'rgba(128, 128, 128, 0.12)';
      var end = Math.min(x.getPixelForValue(options.warmupUntil), area.right);
      ctx.fillRect(area.left, area.top, Math.max(0, end - area.left), area.bottom - area.top);
      ctx.restore();
    },
    afterDatasetsDraw: function (chart, args, options) {
      var x = chart.scales.x;
      var area = chart.chartArea;
      if (!x || !options || !options.faults) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#d00000';
      ctx.fillStyle = '#d00000';
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 3]);
      var size = options.fontSize || 12;
      ctx.font = 'bold ' + size + 'px sans-serif';
      var placed = [];
      options.faults.forEach(function (fault) {
        var px = x.getPixelForValue(fault.x);
        if (px < area.left || px > area.right) return;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        // a label that would overlap an earlier one moves down a line; near the right edge it goes left
        var width = ctx.measureText(fault.label).width;
        var left = px + 4 + width > area.right ? px - 4 - width : px + 4;
        var row = 0;
        while (placed.some(function (p) { return p.row === row && left < p.right && left + width > p.left; })) row += 1;
        placed.push({ row: row, left: left, right: left + width });
        // on a white box, so the lines under the label do not cross it
        var baseline = area.top + size + 2 + row * (size + 4);
        ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.fillRect(left - 2, baseline - size, width + 4, size + 4);
        ctx.fillStyle = '#d00000';
        ctx.fillText(fault.label, left, baseline);
      });
      ctx.restore();
    }
  };
  function hydrate(config) {
    var plugins = (config.options && config.options.plugins) || {};
    if (plugins.sbNines) {
      var axis = config.options.scales[plugins.sbNines.axis];
      axis.ticks = axis.ticks || {};
      axis.ticks.callback = ninesLabel;
    }
    return config;
  }
  return { plugins: [background, faults], hydrate: hydrate, ninesLabel: ninesLabel };
})()`;

export interface ChartRuntime {
  plugins: Plugin[];
  hydrate: (config: ChartConfiguration) => ChartConfiguration;
  ninesLabel: (value: number) => string;
}

/** Evaluates the runtime source in Node (for the PNG renderer and tests). */
export function loadChartRuntime(): ChartRuntime {
  return new Function(`return ${CHART_RUNTIME_SOURCE};`)() as ChartRuntime;
}
