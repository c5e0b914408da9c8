/**
 * The histogram's integer index arithmetic (results/histogram.ts) puts every value in the bucket the
 * library's own Math.log2/Math.pow arithmetic picks, so encodings stay byte-for-byte the same.
 */
import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram } from '../../../results/histogram.ts';

function libraryHistogram(): hdr.Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

function valuesToCheck(): number[] {
  const values = [
    0,
    1,
    2,
    3,
    1023,
    1024,
    1025,
    2047,
    2048,
    2049,
    4095,
    4096,
    123_456,
    2 ** 31 - 1,
    2 ** 31,
    3_600_000_000,
  ];
  for (let power = 1; power < 32; power += 1) values.push(2 ** power - 1, 2 ** power, 2 ** power + 1);
  values.push(0.5, 1.5, 2047.9, 2048.5, 1e9 + 0.25, Number.NaN);
  let seed = 7;
  for (let i = 0; i < 5000; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    values.push(seed % 10 ** (1 + (i % 9)));
  }
  return values;
}

describe('integer index histogram', () => {
  it('indexes every value as the library does', () => {
    const ours = createHistogram() as hdr.JsHistogram;
    const theirs = libraryHistogram() as hdr.JsHistogram;
    const mismatches = valuesToCheck().filter(
      (value) => !Object.is(ours.countsArrayIndex(value), theirs.countsArrayIndex(value)),
    );
    expect(mismatches).toEqual([]);
  });

  it('records the same values into the same encoding and percentiles', () => {
    const ours = createHistogram();
    const theirs = libraryHistogram();
    for (const value of valuesToCheck()) {
      if (!(value >= 1) || !Number.isInteger(value)) continue;
      ours.recordValue(value);
      theirs.recordValue(value);
    }
    expect(encodeHistogram(ours)).toBe(hdr.encodeIntoCompressedBase64(theirs));
    for (const percentile of [50, 90, 99, 99.9, 100]) {
      expect(ours.getValueAtPercentile(percentile)).toBe(theirs.getValueAtPercentile(percentile));
    }
  });
});
