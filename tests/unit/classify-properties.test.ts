import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, documentText } from '../../shared/classify/index';
import { detectLanguage, normalizeToken, tokenize } from '../../shared/classify/text';
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

  // characters at the edges of the tokenizer's ranges: signs inside letter blocks, letters outside them, astral letters
  const boundaryText = fc
    .array(fc.constantFrom('AB', 'Ab', 'A1', 'ÉA', 'Aé',  '\u00d7', '\u00f7', '\u00aa', '\u00b5', '\u00b2', '\u0300', '\u036f', '\u0400', '\u04ff', '\u00bf', '\u0250', 'A', 'z', '0', '9', '@', '[', '`', '{', ' ', '.', '\u{1d400}', '\u{1f600}', '\ud800', 'É', 'Ё', 'ß'), { maxLength: 40 })
    .map((cs) => cs.join(''));
  it('tokens are exactly the runs of letters, marks and digits (capitals with full stops, "U.S.", one word), normalised as normalizeToken does', () => {
    // the tokenizer scans by code point ranges for speed; this is its definition
    const dotted = fc.array(fc.constantFrom('U.S.', 'U.K.', 'U.S.A.', 'U.S.-led', 'U.S.A', 'AU.S.', 'J. F. Kennedy', 'e.g.', 'U.N.', 'x', ' ', '.'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ unit: 'grapheme', maxLength: 200 }), boundaryText, dotted), (text) => {
        const tokens = tokenize(text);
        const runs = [...text.matchAll(/(?:[A-Z]\.){2,}(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+/gu)];
        expect(tokens.map((t) => [t.start, t.end])).toEqual(runs.map((m) => [m.index, m.index + m[0].length]));
        for (const t of tokens) {
          const raw = text.slice(t.start, t.end);
          expect(t.norm).toBe(raw.includes('.') ? raw.replace(/\./g, '').toLowerCase() : normalizeToken(raw));
          expect(t.cyr).toBe(/^[\u0400-\u04ff]/.test(raw));
          expect(t.upper).toBe(raw.charAt(0) !== raw.charAt(0).toLowerCase());
          expect(t.allCaps).toBe(t.upper && raw.length > 1 && raw === raw.toUpperCase());
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('language detection counts function words as the regular-expression definition does', () => {
    // the definition: Cyrillic letters outnumbering Latin ones make it Russian; else French
    // function words outnumbering English ones among the runs of [a-zàâçéèêëîïôûùüÿœ'] of the lower-cased text
    const FR = new Set(['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'une', 'un', 'pour', 'dans', 'sur', 'au', 'aux', 'qui', 'que', 'par', 'avec', 'ont', 'été', 'a', 'ce', 'cette', 'ses', 'leur', 'sont', 'pas', 'plus', 'l', 'd', 'qu', 'à']);
    const EN = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'for', 'on', 'with', 'that', 'by', 'was', 'were', 'are', 'from', 'as', 'at', 'an', 'be', 'this', 'it', 'has', 'have', 'which', 'its', 'their', 'not']);
    const latinWords = (text: string) => {
      const ws = text.toLowerCase().match(/[a-zàâçéèêëîïôûùüÿœ']+/g) ?? [];
      return { fr: ws.filter((w) => FR.has(w)).length, en: ws.filter((w) => !FR.has(w) && EN.has(w)).length };
    };
    // letters of either script: Cyrillic ones outnumbering [A-Za-zÀ-ɏ] make it Russian
    const scripts = (text: string) => ({ cyr: (text.match(/[\u0400-\u04ff]/g) ?? []).length, latin: (text.match(/[A-Za-z\u00c0-\u024f]/g) ?? []).length });
    const mixed = fc
      .array(fc.constantFrom('le', 'LA', 'the', 'Of', 'été', 'À', "l'aide", "L'ONU", 'œuvre', 'cette', 'which', 'their', 'avec', 'hello', 'x', ' ', '.', "'", 'ÿ', 'в', 'Таджикистане', 'и', 'ñ', '×', 'Ɏ', 'ß', 'ȁ'), { maxLength: 50 })
      .map((ws) => ws.join(' '));
    fc.assert(
      fc.property(mixed, (text) => {
        const { fr, en } = latinWords(text);
        const { cyr, latin } = scripts(text);
        expect(detectLanguage(text)).toBe(cyr > latin ? 'ru' : fr > en ? 'fr' : 'en');
      }),
      { numRuns: 2000 },
    );
  });
});
