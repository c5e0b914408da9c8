import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { defaultPngSize, renderPngCharts } from '../../../reports/png.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function pixelStats(png: Uint8Array) {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let white = 0;
  let transparent = 0;
  let red = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    if (a < 255) transparent += 1;
    if (r > 250 && g > 250 && b > 250) white += 1;
    if (r > 180 && g < 60 && b < 60) red += 1;
  }
  const pixels = data.length / 4;
  return { width: image.width, height: image.height, whiteShare: white / pixels, transparent, red };
}

describe('PNG charts', () => {
  it('draws spectrum, timeline, bars and correctness charts per experiment on a white background', async () => {
    const suite = buildSuiteFixture({ trials: 2, seconds: 12, experiments: ['clones', 'database'] });
    const files = await renderPngCharts(suite);
    expect(files.map((file) => file.name)).toEqual([
      'charts/clones-spectrum.png',
      'charts/clones-timeline.png',
      'charts/clones-bars.png',
      'charts/clones-correctness.png',
      'charts/database-spectrum.png',
      'charts/database-timeline.png',
      'charts/database-bars.png',
      'charts/database-correctness.png',
      'charts/database-replica-lag.png',
    ]);
    for (const file of files) {
      const bytes = file.content as Uint8Array;
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const stats = await pixelStats(bytes);
      expect(stats.width).toBe(defaultPngSize.width);
      expect(stats.height).toBe(defaultPngSize.height);
      expect(stats.transparent, `${file.name} has transparent pixels`).toBe(0);
      expect(stats.whiteShare, `${file.name} is blank`).toBeLessThan(0.97);
      expect(stats.whiteShare, `${file.name} has no white background`).toBeGreaterThan(0.5);
    }
  });

  it('marks the kill fault on the clones timeline with a red line', async () => {
    const withFault = buildSuiteFixture({ trials: 1, seconds: 12, experiments: ['clones'] });
    const withoutFault = structuredClone(withFault);
    for (const variant of withoutFault.experiments[0]!.variants) variant.trials[0]!.faults = [];
    const timeline = async (results: typeof withFault) =>
      pixelStats(
        (await renderPngCharts(results)).find((file) => file.name.endsWith('timeline.png'))!
          .content as Uint8Array,
      );
    const marked = await timeline(withFault);
    const unmarked = await timeline(withoutFault);
    expect(marked.red - unmarked.red).toBeGreaterThan(200);
  });
});
