import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, documentText } from '../../shared/classify/index';

const corpusDir = process.env.HERALD_CORPUS_DIR ?? path.resolve(__dirname, '../../../shared/corpus');
const seed = JSON.parse(readFileSync(path.join(corpusDir, 'seed.json'), 'utf8')) as {
  title: string; body: string; dateline: string; language: string;
};

describe('the canonical seed report', () => {
  const result = classify(seed);
  it('concerns exactly Tajikistan and Afghanistan', () => {
    expect(result.countries).toEqual(['AFG', 'TJK']);
    expect(result.mentioned).toEqual(['AFG', 'TJK']);
    expect(result.primaryCountry).toBe('TJK');
  });
  it('is tagged Central Asia and Southern Asia', () => {
    expect(result.regions).toContain('143');
    expect(result.regions).toContain('034');
  });
  it('has border management as primary theme', () => {
    expect(result.primaryTheme).toBe('border-management');
    expect(result.themes.length).toBeGreaterThanOrEqual(1);
    expect(result.themes.length).toBeLessThanOrEqual(4);
  });
  it('quotes evidence that is really in the document', () => {
    const text = documentText(seed);
    for (const t of result.themes) {
      expect(t.evidence.length).toBeGreaterThan(0);
      for (const e of t.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  });
});
