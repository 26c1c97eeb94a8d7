/**
 * Text primitives shared by the place and theme matchers: the document text that evidence
 * offsets point into, a tokenizer that keeps offsets, and token normalisation.
 */
import type { ClassifyInput } from './types';

/**
 * The text the classifier reads and that every evidence offset points into:
 * `title + "\n\n" + dateline + "\n\n" + body`, the dateline part omitted when absent or blank.
 */
export function documentText(input: ClassifyInput): string {
  const title = input.title ?? '';
  const body = input.body ?? '';
  const dateline = (input.dateline ?? '').trim();
  return dateline ? `${title}\n\n${input.dateline}\n\n${body}` : `${title}\n\n${body}`;
}

/** The character ranges of the title, dateline (if any) and body inside `documentText`. */
export interface DocumentLayout {
  readonly titleEnd: number;
  readonly datelineStart: number;
  readonly datelineEnd: number;
  readonly bodyStart: number;
}

export function documentLayout(input: ClassifyInput): DocumentLayout {
  const titleEnd = (input.title ?? '').length;
  const dateline = (input.dateline ?? '').trim();
  if (!dateline) {
    const bodyStart = titleEnd + 2;
    const inline = inlineDateline(input.body ?? '');
    if (inline) return { titleEnd, datelineStart: bodyStart + inline.start, datelineEnd: bodyStart + inline.end, bodyStart: bodyStart + inline.bodyStart };
    return { titleEnd, datelineStart: -1, datelineEnd: -1, bodyStart };
  }
  const datelineStart = titleEnd + 2;
  const datelineEnd = datelineStart + (input.dateline ?? '').length;
  return { titleEnd, datelineStart, datelineEnd, bodyStart: datelineEnd + 2 };
}

// An upper-case place name opening the body, then optionally ", <up to 60 characters>" (a country,
// a date) and "(<agency or date>)", then a dash: "BISHKEK, 14 March 2025 –",
// "GENEVA (9 May 2024) –", "SAN SALVADOR, Dec 21 2017 (IPS) -", "АШХАБАД, 10 октября 2024 г. –".
// One line only; headings such as "KEY MESSAGES" have no dash after them and are not taken.
const INLINE_DATELINE = /^([A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’.-]*(?: [A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’.-]*){0,3}(?:, [^\n–—:()]{1,60}?)?)\s*(?:\([^)\n]{1,60}\))?\s*(?:[–—]|-(?=\s))\s*/u;
// A byline before it: "By Lin Taylor", "**By Alex Whiting**".
const BYLINE = /^\s*(?:\*\*)?(?:By|Par|Автор:?) [^\n]{1,60}\n+\s*/u;

/**
 * A dateline written at the start of the body, as press releases and wire stories do, when
 * the report has no `dateline` field: its range in the body (the place and what follows it up
 * to the dash) and where the body proper starts. A place name of at least three capitals.
 */
export function inlineDateline(body: string): { start: number; end: number; bodyStart: number } | undefined {
  const byline = BYLINE.exec(body);
  const from = byline ? byline[0].length : 0;
  const m = INLINE_DATELINE.exec(body.slice(from, from + 160));
  if (!m || m[1]!.replace(/[^A-ZÀ-ÖØ-ÞА-ЯЁ]/gu, '').length < 3) return undefined;
  return { start: from, end: from + m[1]!.length, bodyStart: from + m[0].length };
}

/** One word of the document. */
export interface Token {
  /** Normalised form (lower case, Latin diacritics removed, ё → е). */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** First character is upper case in the source. */
  readonly upper: boolean;
  /** Whole token is upper case (all-caps headline, acronym). */
  readonly allCaps: boolean;
  /** Starts a sentence (first token, or after . ! ? or a paragraph break). */
  readonly sentenceStart: boolean;
  /** Script: 'l' Latin/other, 'c' Cyrillic. */
  readonly cyr: boolean;
}

const normCache = new Map<string, string>();
const NORM_CACHE_MAX = 200_000;

/** Normalise one token: lower case, Latin diacritics stripped, ё → е. */
export function normalizeToken(raw: string): string {
  const cached = normCache.get(raw);
  if (cached !== undefined) return cached;
  let out = raw.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(out)) {
    out = out.replace(/ё/g, 'е');
    if (/[\u00c0-\u024f\u1e00-\u1eff]/.test(out)) {
      out = out.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
    }
    out = out.replace(/[ʼ’]/g, '');
  }
  if (normCache.size > NORM_CACHE_MAX) normCache.clear();
  normCache.set(raw, out);
  return out;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * Whether a code point belongs to a word (a letter, a combining mark or a digit: what WORD
 * matches). The scripts reports are written in are decided by range; anything else asks the
 * regular expression.
 */
function isWordCodePoint(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x400 && c <= 0x4ff) return c !== 0x482; // Cyrillic (0x482 is a sign)
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7; // Latin-1 letters, Latin Extended-A and -B
  if (c >= 0x300 && c <= 0x36f) return true; // combining diacritics
  return WORD_CHAR.test(String.fromCodePoint(c));
}

/**
 * The end (after the last full stop) of capitals with full stops starting at `start`, such
 * as "U.S." or "U.S.A.": at least two, each a lone capital and a stop; 0 when there are none.
 */
function dottedCapitals(text: string, start: number): number {
  let k = start;
  let letters = 0;
  for (;;) {
    const ch = text.charCodeAt(k);
    if (!(ch >= 65 && ch <= 90) || text.charCodeAt(k + 1) !== 46) break;
    letters++;
    k += 2;
  }
  // (not followed by a word character: "U.S.Aid" is not split this way)
  return letters >= 2 && !isWordCodePoint(text.codePointAt(k) ?? 32) ? k : 0;
}

/** Split text into word tokens with offsets. Hyphens, apostrophes and punctuation separate words, except the full stops of capitals ("U.S." is one word). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    // a scan by code point, not a regular expression per word: the tokenizer runs over every character
    let c = text.codePointAt(i)!;
    if (!isWordCodePoint(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    // an ASCII word needs only lower-casing (what normalizeToken would do, without its cache lookup)
    let ascii = true;
    let asciiUpper = false;
    let asciiLower = false;
    do {
      if (c >= 128) ascii = false;
      else if (c <= 90 && c >= 65) asciiUpper = true;
      else if (c >= 97 && c <= 122) asciiLower = true;
      i += c > 0xffff ? 2 : 1;
      if (i >= n) break;
      c = text.codePointAt(i)!;
    } while (isWordCodePoint(c));
    let end = i;
    const f = text.charCodeAt(start);
    let norm: string;
    let upper: boolean;
    let allCaps: boolean;
    // Capitals with full stops, "U.S." or "U.K.", are one word, as "US" and "UK" are: the
    // stops end no sentence and the word ends after the last one.
    const dotted = end - start === 1 && f >= 65 && f <= 90 ? dottedCapitals(text, start) : 0;
    if (dotted > 0) {
      end = i = dotted;
      norm = text.slice(start, end).replace(/\./g, '').toLowerCase();
      upper = true;
      allCaps = true;
    } else if (ascii) {
      // (an ASCII word is all capitals when it has no lower-case letter: what comparing it with its upper-cased copy says)
      norm = asciiUpper ? text.slice(start, end).toLowerCase() : text.slice(start, end);
      upper = f >= 65 && f <= 90;
      allCaps = upper && end - start > 1 && !asciiLower;
    } else {
      const raw = text.slice(start, end);
      norm = normalizeToken(raw);
      upper = raw.charAt(0) !== raw.charAt(0).toLowerCase();
      allCaps = upper && raw.length > 1 && raw === raw.toUpperCase();
    }
    let sentenceStart = tokens.length === 0;
    if (!sentenceStart) {
      for (let k = prevEnd; k < start; k++) {
        const ch = text.charCodeAt(k);
        // . ! ? newline
        if (ch === 46 || ch === 33 || ch === 63 || ch === 10 || ch === 0x2026) {
          sentenceStart = true;
          break;
        }
      }
    }
    tokens.push({
      norm,
      start,
      end,
      upper,
      allCaps,
      sentenceStart,
      cyr: f >= 0x400 && f <= 0x4ff,
    });
    prevEnd = end;
  }
  return tokens;
}

/** Tokenise a gazetteer or lexicon phrase into normalised words. */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(phrase)) !== null) out.push(normalizeToken(m[0]));
  return out;
}

/** Detect en / ru / fr (default en) from script and function words. */
export function detectLanguage(text: string): string {
  let cyr = 0;
  let latin = 0;
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  // One pass counts the scripts' letters and, in runs of [a-zàâçéèêëîïôûùüÿœ'] (either case),
  // the function words; only short runs can be function words, so only those become strings.
  let fr = 0;
  let en = 0;
  let i = 0;
  const n = sample.length;
  while (i < n) {
    const c = sample.charCodeAt(i);
    if (!isDetectLetter(c)) {
      if (c >= 0x400 && c <= 0x4ff) cyr++;
      else if (c >= 0xc0 && c <= 0x24f) latin++;
      i++;
      continue;
    }
    const start = i;
    let d = c;
    do {
      if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 0xc0 && d <= 0x24f)) latin++;
      if (++i >= n) break;
      d = sample.charCodeAt(i);
    } while (isDetectLetter(d));
    if (i - start > MAX_FUNCTION_WORD) continue;
    const w = sample.slice(start, i).toLowerCase();
    if (FR_WORDS.has(w)) fr++;
    else if (EN_WORDS.has(w)) en++;
  }
  if (cyr > latin) return 'ru';
  return fr > en ? 'fr' : 'en';
}

/** The letters of French and English words, either case, and the apostrophe. */
const DETECT_LETTERS = (() => {
  const set = new Uint8Array(0x180);
  for (const ch of "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüÿ'") {
    set[ch.charCodeAt(0)] = 1;
    set[ch.toUpperCase().charCodeAt(0)] = 1;
  }
  return set;
})();
function isDetectLetter(c: number): boolean {
  return c < 0x180 ? DETECT_LETTERS[c] === 1 : c === 0x153 || c === 0x152; // œ Œ (and Ÿ is 0x178, inside the table)
}

const FR_WORDS = new Set(['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'une', 'un', 'pour', 'dans', 'sur', 'au', 'aux', 'qui', 'que', 'par', 'avec', 'ont', 'été', 'a', 'ce', 'cette', 'ses', 'leur', 'sont', 'pas', 'plus', 'l', 'd', 'qu', 'à']);
const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'for', 'on', 'with', 'that', 'by', 'was', 'were', 'are', 'from', 'as', 'at', 'an', 'be', 'this', 'it', 'has', 'have', 'which', 'its', 'their', 'not']);

/** Whether a (normalised) word is one of the French or English function words language detection counts. */
export function isFunctionWord(norm: string): boolean {
  return FR_WORDS.has(norm) || EN_WORDS.has(norm);
}
/** The longest word of FR_WORDS and EN_WORDS: longer runs of letters are not looked up. */
const MAX_FUNCTION_WORD = Math.max(...[...FR_WORDS, ...EN_WORDS].map((w) => w.length));
