import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, documentText } from '../../shared/classify/index';
import { THEME_IDS } from '../../shared/taxonomy/themes';

const words = fc.constantFrom(
  'Tajikistan', 'Afghan', 'border', 'security', 'Таджикистана', 'в', 'Кыргызстане', 'Guinée', "d'Ivoire", 'Georgia', 'Chad', 'Lake',
  'US$', 'U.S.', 'Congo', 'flood', 'refugees', 'élections', 'the', 'of', '\n\n', ',', '.', 'DUSHANBE', 'Niger', 'River', 'mines', '’s',
  'ﬁ', 'İstanbul', 'ß', '😀', 'e\u0301', 'Ё', 'Korea', 'North', 'Sahel', 'water', 'HIV', 'WHO',
);
const textArb = fc.oneof(fc.string({ maxLength: 400 }), fc.array(words, { maxLength: 80 }).map((ws) => ws.join(' ')), fc.string({ unit: 'binary', maxLength: 200 }));
const inputArb = fc.record(
  { title: textArb, body: textArb, dateline: fc.option(textArb, { nil: undefined }), language: fc.option(fc.constantFrom('en', 'ru', 'fr', 'xx', ''), { nil: undefined }) },
  { requiredKeys: ['title', 'body'] },
);

describe('classifier properties', () => {
  it('never throws and keeps the contract on arbitrary text', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = classify(input);
        expect(r.themes.length).toBeLessThanOrEqual(4);
        for (const c of r.countries) expect(r.mentioned).toContain(c);
        if (r.primaryCountry !== null) expect(r.countries).toContain(r.primaryCountry);
        for (const t of r.themes) {
          expect(THEME_IDS).toContain(t.id);
          expect(t.score).toBeGreaterThanOrEqual(0);
          expect(t.score).toBeLessThanOrEqual(1);
        }
        if (r.themes.length > 0) expect(r.primaryTheme).toBe(r.themes[0]!.id);
      }),
      { numRuns: 400 },
    );
  });

  it('evidence offsets always point at the quoted text', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const text = documentText(input);
        for (const t of classify(input).themes) {
          for (const e of t.evidence) {
            expect(e.start).toBeGreaterThanOrEqual(0);
            expect(e.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(e.start, e.end)).toBe(e.text);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
