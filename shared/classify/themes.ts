/**
 * Theme scoring: the multilingual concept lexicon (lexicon.ts) is compiled once into a token
 * trie; a document's concept counts are fed to a linear model per theme (weights learned by
 * scripts/train-themes.ts into data/theme-model.json); 1 to 4 themes are kept, each with the
 * text spans of the concepts that pushed it up.
 */
import { THEME_IDS, type ThemeId } from '../taxonomy/themes';
import { CONCEPTS } from './lexicon';
import themeModelData from './data/theme-model.json';
import type { Evidence, ThemeTag } from './types';
import type { Token } from './text';
import { normalizeToken } from './text';

/** Weight of a weak (`~`) pattern relative to a strong one. */
export const WEAK_WEIGHT = 0.35;
/** Extra weight of a concept occurrence in the title. */
export const TITLE_WEIGHT = 2;

interface WordKey {
  readonly key: string;
}
interface PatternEnd {
  readonly concept: number;
  readonly weight: number;
}
interface LexNode {
  next: Map<string, LexNode> | null;
  ends: PatternEnd[] | null;
}

interface CompiledLexicon {
  readonly root: LexNode;
  /** exact word → key */
  readonly exact: Map<string, string>;
  /** prefix → key (for words written with `*`) */
  readonly prefixes: Map<string, string>;
  /** acronym words (must be written in capitals) */
  readonly acronyms: Map<string, string>;
  readonly minPrefix: number;
  readonly maxPrefix: number;
  readonly conceptIds: readonly string[];
}

let compiled: CompiledLexicon | undefined;

function compile(): CompiledLexicon {
  const root: LexNode = { next: null, ends: null };
  const exact = new Map<string, string>();
  const prefixes = new Map<string, string>();
  const acronyms = new Map<string, string>();
  let minPrefix = Infinity;
  let maxPrefix = 0;
  const conceptIds = CONCEPTS.map((c) => c.id);
  CONCEPTS.forEach((concept, ci) => {
    for (const raw of [...concept.en, ...concept.ru, ...concept.fr]) {
      const weak = raw.startsWith('~');
      const pattern = weak ? raw.slice(1) : raw;
      const words = pattern.split(/[\s\-'’/,]+/).filter((w) => w.length > 0);
      if (words.length === 0) continue;
      let node = root;
      for (const w of words) {
        let key: string;
        const star = w.endsWith('*');
        const bare = star ? w.slice(0, -1) : w;
        const isAcr = !star && bare.length >= 2 && bare === bare.toUpperCase() && bare !== bare.toLowerCase();
        const norm = normalizeToken(bare).replace(/[^\p{L}\p{N}$]/gu, '');
        if (norm.length === 0) continue;
        if (isAcr) {
          key = `A:${norm}`;
          acronyms.set(norm, key);
        } else if (star) {
          key = `P:${norm}`;
          prefixes.set(norm, key);
          minPrefix = Math.min(minPrefix, norm.length);
          maxPrefix = Math.max(maxPrefix, norm.length);
        } else {
          key = `E:${norm}`;
          exact.set(norm, key);
        }
        node.next ??= new Map();
        let child = node.next.get(key);
        if (!child) {
          child = { next: null, ends: null };
          node.next.set(key, child);
        }
        node = child;
      }
      (node.ends ??= []).push({ concept: ci, weight: weak ? WEAK_WEIGHT : 1 });
    }
  });
  return { root, exact, prefixes, acronyms, minPrefix: Number.isFinite(minPrefix) ? minPrefix : 1, maxPrefix, conceptIds };
}

function lexicon(): CompiledLexicon {
  compiled ??= compile();
  return compiled;
}

const keyCache = new Map<string, readonly string[]>();
const EMPTY: readonly string[] = [];

function keysOf(tok: Token, lex: CompiledLexicon): readonly string[] {
  let keys = keyCache.get(tok.norm);
  if (keys === undefined) {
    const out: string[] = [];
    const e = lex.exact.get(tok.norm);
    if (e) out.push(e);
    const max = Math.min(lex.maxPrefix, tok.norm.length);
    for (let k = max; k >= lex.minPrefix; k--) {
      const p = lex.prefixes.get(k === tok.norm.length ? tok.norm : tok.norm.slice(0, k));
      if (p) out.push(p);
    }
    keys = out.length > 0 ? out : EMPTY;
    if (keyCache.size > 300_000) keyCache.clear();
    keyCache.set(tok.norm, keys);
  }
  if (tok.allCaps || (tok.upper && tok.norm.length === 1)) {
    const a = lex.acronyms.get(tok.norm);
    if (a) return keys.length > 0 ? [a, ...keys] : [a];
  }
  return keys;
}

/** One concept occurrence. */
export interface ConceptHit {
  readonly concept: number;
  readonly weight: number;
  readonly start: number;
  readonly end: number;
  readonly inTitle: boolean;
}

/** Find concept occurrences: at each position the longest pattern wins; matches do not overlap. */
export function findConcepts(tokens: readonly Token[], titleEnd: number): ConceptHit[] {
  const lex = lexicon();
  const hits: ConceptHit[] = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    let bestLen = 0;
    let bestEnds: PatternEnd[] | null = null;
    // depth-first over the (few) keys each token has
    const walk = (node: LexNode, j: number): void => {
      if (node.ends && j - i > bestLen) {
        bestLen = j - i;
        bestEnds = node.ends;
      }
      if (j >= n || !node.next) return;
      if (j > i && tokens[j]!.sentenceStart && tokens[j]!.start - tokens[j - 1]!.end > 2) return;
      for (const k of keysOf(tokens[j]!, lex)) {
        const child = node.next.get(k);
        if (child) walk(child, j + 1);
      }
    };
    walk(lex.root, i);
    if (bestEnds) {
      const start = tokens[i]!.start;
      const end = tokens[i + bestLen - 1]!.end;
      for (const e of bestEnds as PatternEnd[]) hits.push({ concept: e.concept, weight: e.weight, start, end, inTitle: start < titleEnd });
      i += bestLen;
    } else i++;
  }
  return hits;
}

/** Feature vector of a document: log(1 + weighted count) per concept. */
export function conceptFeatures(hits: readonly ConceptHit[], conceptCount = lexicon().conceptIds.length): Float64Array {
  const counts = new Float64Array(conceptCount);
  for (const h of hits) counts[h.concept]! += h.weight * (h.inTitle ? 1 + TITLE_WEIGHT : 1);
  for (let c = 0; c < conceptCount; c++) counts[c] = Math.log1p(counts[c]!);
  return counts;
}

/** The learned (or prior) linear model. */
export interface ThemeModel {
  readonly concepts: readonly string[];
  readonly themes: readonly ThemeId[];
  /** weights[t][c] */
  readonly weights: readonly (readonly number[])[];
  readonly bias: readonly number[];
  /** Probability a secondary theme needs. */
  readonly threshold: number;
  /** Secondary themes must reach this share of the top probability. */
  readonly relative: number;
}

interface ModelFile {
  concepts: string[];
  themes: string[];
  weights: number[][];
  bias: number[];
  threshold: number;
  relative: number;
}

/** Prior model: each concept votes for its own theme. */
export function priorModel(): ThemeModel {
  const ids = lexicon().conceptIds;
  const weights = THEME_IDS.map((t) => CONCEPTS.map((c) => (c.theme === t ? 1.5 : 0)));
  return { concepts: ids, themes: [...THEME_IDS], weights, bias: THEME_IDS.map(() => -3), threshold: 0.5, relative: 0.3 };
}

let model: ThemeModel | undefined;

/** The shipped model, aligned to the current lexicon (unknown concepts get weight 0). */
export function getThemeModel(): ThemeModel {
  if (model) return model;
  const file = themeModelData as unknown as ModelFile;
  const ids = lexicon().conceptIds;
  if (!file.weights || file.weights.length === 0) {
    model = priorModel();
    return model;
  }
  const index = new Map(file.concepts.map((c, i) => [c, i]));
  const prior = priorModel();
  const weights = THEME_IDS.map((t, ti) => {
    const fi = file.themes.indexOf(t);
    return ids.map((c, ci) => {
      const k = index.get(c);
      return fi >= 0 && k !== undefined ? file.weights[fi]![k]! : prior.weights[ti]![ci]!;
    });
  });
  const bias = THEME_IDS.map((t, ti) => {
    const fi = file.themes.indexOf(t);
    return fi >= 0 ? file.bias[fi]! : prior.bias[ti]!;
  });
  model = { concepts: ids, themes: [...THEME_IDS], weights, bias, threshold: file.threshold, relative: file.relative };
  return model;
}

/** Replace the model (training and tests). */
export function setThemeModel(m: ThemeModel | undefined): void {
  model = m;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Per-theme probabilities for a feature vector. */
export function themeProbabilities(x: Float64Array, m: ThemeModel = getThemeModel()): number[] {
  return m.themes.map((_, t) => {
    const w = m.weights[t]!;
    let z = m.bias[t]!;
    for (let c = 0; c < x.length; c++) if (x[c] !== 0) z += w[c]! * x[c]!;
    return sigmoid(z);
  });
}

/** Pick 1 to 4 themes with evidence. */
export function scoreThemes(text: string, tokens: readonly Token[], titleEnd: number): { themes: ThemeTag[]; primary: ThemeId | null } {
  const m = getThemeModel();
  const hits = findConcepts(tokens, titleEnd);
  const x = conceptFeatures(hits, m.concepts.length);
  const probs = themeProbabilities(x, m);
  const order = probs.map((p, t) => [p, t] as const).sort((a, b) => b[0] - a[0]);
  const chosen: Array<readonly [number, number]> = [];
  for (const [p, t] of order) {
    if (chosen.length >= 4) break;
    if (chosen.length === 0) {
      // the top theme needs at least one supporting concept
      if (supporting(hits, m, t).length === 0) continue;
      chosen.push([p, t]);
      continue;
    }
    if (p >= m.threshold && p >= m.relative * chosen[0]![0] && supporting(hits, m, t).length > 0) chosen.push([p, t]);
  }
  // the theme the title is about leads, when it is nearly as likely as the top one
  const titled = chosen.findIndex(([p, t]) => p >= 0.5 * chosen[0]![0] && hits.some((h) => h.inTitle && h.weight === 1 && m.weights[t]![h.concept]! > 0.5));
  if (titled > 0) chosen.unshift(...chosen.splice(titled, 1));
  const themes: ThemeTag[] = chosen.map(([p, t]) => ({
    id: m.themes[t]!,
    score: Math.round(p * 1000) / 1000,
    evidence: evidenceFor(text, hits, m, t),
  }));
  return { themes, primary: themes[0]?.id ?? null };
}

function supporting(hits: readonly ConceptHit[], m: ThemeModel, t: number): ConceptHit[] {
  const w = m.weights[t]!;
  return hits.filter((h) => w[h.concept]! > 0);
}

function evidenceFor(text: string, hits: readonly ConceptHit[], m: ThemeModel, t: number): Evidence[] {
  const w = m.weights[t]!;
  const scored = hits
    .filter((h) => w[h.concept]! > 0)
    .map((h) => ({ h, s: w[h.concept]! * h.weight * (h.inTitle ? 1 + TITLE_WEIGHT : 1) }))
    .sort((a, b) => b.s - a.s || a.h.start - b.h.start);
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const { h } of scored) {
    const span = text.slice(h.start, h.end);
    const key = span.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text: span, start: h.start, end: h.end });
    if (out.length >= 3) break;
  }
  return out;
}

/** Concept ids in model order (for training). */
export function conceptIds(): readonly string[] {
  return lexicon().conceptIds;
}
