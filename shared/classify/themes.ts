/**
 * Theme scoring: the multilingual concept lexicon (lexicon.ts) is compiled once into a token
 * trie; a document's concept counts are fed to a linear model per theme (weights learned by
 * scripts/train-themes.ts into data/theme-model.json); the supported themes are re-scored from
 * their ranking and a vote of the most similar labelled training reports; 1 to 4 themes are kept,
 * each with the text spans of the concepts that pushed it up (a theme without such a span is
 * never kept, whatever its neighbours say).
 */
import { PEACE_AND_SECURITY_THEMES, THEME_IDS, type ThemeId } from '../taxonomy/themes';
import { CONCEPTS, NEUTRAL_PHRASES, ORGANISATION_NAMES } from './lexicon';
import themeModelData from './data/theme-model.json';
import type { Evidence, ThemeTag } from './types';
import type { Token } from './text';
import { normalizeToken } from './text';

/** Weight of a weak (`~`) pattern relative to a strong one. */
export const WEAK_WEIGHT = 0.35;
/**
 * Log-odds added to a theme's primary score per unit of title evidence, organisation names
 * left out (`ORGANISATION_NAMES`). 1 with the primary prior; 0.5 before it, when organisation
 * names counted (pooled 3-split CV and the helper reports, see PRIMARY_PRIOR_WEIGHT).
 */
export const PRIMARY_TITLE_BOOST = 1;
/**
 * Log-odds above this count as certain when choosing the primary theme. (2 instead of 3 raised
 * the helper-written reports' primary theme 0.70 → 0.74 with a model trained also on them, but
 * with the shipped corpus-only model it made the seed's primary theme preventive-diplomacy.)
 */
export const PRIMARY_LOGIT_CAP = 3;
/**
 * Weight of a theme's primary prior (`ThemeModel.primaryPrior`, a log share) in the primary
 * choice. With the title boost at 1 and organisation names out of the title evidence: by
 * leave-one-out over the corpus (themes cross-validated) and the 242 helper reports, 0.5 gives
 * primary-theme accuracy 0.828 and 0.764 (1: 0.818 and 0.752, and the seed's primary theme
 * turned counter-terrorism once the prior counted 242 reports; 0.25: 0.828 and 0.760). On 119
 * helper reports, before the last 123 were written, 1 had been best (0.808 → 0.828 on the
 * corpus, 0.647 → 0.697 on them).
 */
export const PRIMARY_PRIOR_WEIGHT = 0.5;

/**
 * Smoothed log share of the reports carrying each theme in which it is the primary one:
 * log((primary + PRIOR_SHARE × PRIOR_REPORTS) / (carrying + PRIOR_REPORTS)), so a theme seen in
 * few reports stays near the overall share.
 */
export function primaryPropensity(reports: ReadonlyArray<{ readonly themes: readonly string[]; readonly primaryTheme?: string | null }>): number[] {
  const PRIOR_SHARE = 0.4;
  const PRIOR_REPORTS = 3;
  return THEME_IDS.map((t) => {
    let carrying = 0;
    let primary = 0;
    for (const r of reports) {
      if (!r.themes.includes(t)) continue;
      carrying++;
      if (r.primaryTheme === t) primary++;
    }
    return Math.round(Math.log((primary + PRIOR_SHARE * PRIOR_REPORTS) / (carrying + PRIOR_REPORTS)) * 1e4) / 1e4;
  });
}

/** Extra weight of a concept occurrence in the title. */
export const TITLE_WEIGHT = 2;

interface WordKey {
  readonly key: string;
}
interface PatternEnd {
  readonly concept: number;
  /** Feature index of the pattern itself (after the concept features). */
  readonly pattern: number;
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
  /** Feature ids: every concept, then every distinct pattern (`concept|words`). */
  readonly featureIds: readonly string[];
  /** Index of the first per-theme aggregate feature (`@kind:theme`). */
  readonly aggregateStart: number;
  /** Theme index of each concept. */
  readonly conceptTheme: Int32Array;
  /** 1 for the pattern features of `ORGANISATION_NAMES`, by feature index. */
  readonly organisation: Uint8Array;
}

/**
 * Per-theme document-level features after the concept and pattern ones: `share` (the theme's
 * share of all concept weight in the document, a length-free density), `title` (1 when a strong
 * concept of the theme is in the title) and `early` (1 − relative position of its first strong
 * mention: 1 at the start, near 0 at the end, 0 when absent).
 */
const AGGREGATES = true;
const AGGREGATE_KINDS = ['share', 'title', 'early'] as const;

let compiled: CompiledLexicon | undefined;

function compile(): CompiledLexicon {
  const root: LexNode = { next: null, ends: null };
  const exact = new Map<string, string>();
  const prefixes = new Map<string, string>();
  const acronyms = new Map<string, string>();
  let minPrefix = Infinity;
  let maxPrefix = 0;
  const conceptIds = CONCEPTS.map((c) => c.id);
  const featureIds: string[] = [...conceptIds];
  const patternIndex = new Map<string, number>();
  const splitPattern = (pattern: string): string[] => pattern.split(/[\s\-'’/,]+/).filter((w) => w.length > 0);
  /** Walks (building as needed) the trie path of a pattern's words; returns its last node. */
  const pathOf = (words: readonly string[]): LexNode => {
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
    return node;
  };
  CONCEPTS.forEach((concept, ci) => {
    for (const raw of [...concept.en, ...concept.ru, ...concept.fr]) {
      const weak = raw.startsWith('~');
      const words = splitPattern(weak ? raw.slice(1) : raw);
      if (words.length === 0) continue;
      const pid = `${concept.id}|${words.map((w) => normalizeToken(w)).join(' ')}`;
      let pi = patternIndex.get(pid);
      if (pi === undefined) {
        pi = featureIds.length;
        featureIds.push(pid);
        patternIndex.set(pid, pi);
      }
      const node = pathOf(words);
      if (!(node.ends ??= []).some((e) => e.concept === ci)) node.ends.push({ concept: ci, pattern: pi, weight: weak ? WEAK_WEIGHT : 1 });
    }
  });
  // neutral phrases: a trie path whose end carries no concept (an empty list), so a longer match
  // of one swallows the theme word inside it
  for (const raw of NEUTRAL_PHRASES) pathOf(splitPattern(raw)).ends ??= [];
  const aggregateStart = featureIds.length;
  if (AGGREGATES) for (const kind of AGGREGATE_KINDS) for (const t of THEME_IDS) featureIds.push(`@${kind}:${t}`);
  const conceptTheme = Int32Array.from(CONCEPTS.map((c) => THEME_IDS.indexOf(c.theme)));
  const organisationWords = new Set(ORGANISATION_NAMES.map((raw) => splitPattern(raw).map((w) => normalizeToken(w)).join(' ')));
  const organisation = Uint8Array.from(featureIds, (id) => (organisationWords.has(id.slice(id.indexOf('|') + 1)) ? 1 : 0));
  return { root, exact, prefixes, acronyms, minPrefix: Number.isFinite(minPrefix) ? minPrefix : 1, maxPrefix, conceptIds, featureIds, aggregateStart, conceptTheme, organisation };
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
  readonly pattern: number;
  readonly weight: number;
  readonly start: number;
  readonly end: number;
  readonly inTitle: boolean;
  /**
   * Positional weight: 1 + TITLE_WEIGHT in the title, else 1. (Extra weight for the lead
   * paragraph or section headings, and damping counts by document length, did not help under
   * repeated cross-validation; the per-theme `share` and `early` features carry density and
   * position instead.)
   */
  readonly pos: number;
}

/** Longest-match state of one walk (module-level so no closure is created per token). */
const walkState = { i: 0, bestLen: 0, bestEnds: null as PatternEnd[] | null };

function walk(lex: CompiledLexicon, tokens: readonly Token[], node: LexNode, j: number): void {
  const i = walkState.i;
  if (node.ends && j - i > walkState.bestLen) {
    walkState.bestLen = j - i;
    walkState.bestEnds = node.ends;
  }
  if (j >= tokens.length || !node.next) return;
  const tok = tokens[j]!;
  if (j > i && tok.sentenceStart && tok.start - tokens[j - 1]!.end > 2) return;
  const keys = keysOf(tok, lex);
  for (let k = 0; k < keys.length; k++) {
    const child = node.next.get(keys[k]!);
    if (child) walk(lex, tokens, child, j + 1);
  }
}

/** Find concept occurrences: at each position the longest pattern wins; matches do not overlap. */
export function findConcepts(tokens: readonly Token[], titleEnd: number): ConceptHit[] {
  const lex = lexicon();
  const hits: ConceptHit[] = [];
  const n = tokens.length;
  const rootNext = lex.root.next;
  let i = 0;
  while (i < n) {
    // cheap pre-check: does any pattern start with this token?
    const keys = keysOf(tokens[i]!, lex);
    let starts = false;
    if (rootNext) for (let k = 0; k < keys.length; k++) if (rootNext.has(keys[k]!)) { starts = true; break; }
    if (!starts) {
      i++;
      continue;
    }
    walkState.i = i;
    walkState.bestLen = 0;
    walkState.bestEnds = null;
    walk(lex, tokens, lex.root, i);
    const bestEnds = walkState.bestEnds as PatternEnd[] | null;
    if (bestEnds) {
      const bestLen = walkState.bestLen;
      const start = tokens[i]!.start;
      const end = tokens[i + bestLen - 1]!.end;
      const inTitle = start < titleEnd;
      const pos = inTitle ? 1 + TITLE_WEIGHT : 1;
      for (const e of bestEnds) hits.push({ concept: e.concept, pattern: e.pattern, weight: e.weight, start, end, inTitle, pos });
      i += bestLen;
    } else i++;
  }
  return hits;
}

/**
 * Feature vector of a document: log(1 + weighted count) per concept, then per pattern, then the
 * per-theme aggregates (share, title, early).
 */
export function conceptFeatures(hits: readonly ConceptHit[], featureCount = lexicon().featureIds.length): Float64Array {
  const counts = new Float64Array(featureCount);
  for (const h of hits) {
    const v = h.weight * h.pos;
    counts[h.concept]! += v;
    if (h.pattern < featureCount) counts[h.pattern]! += v;
  }
  const lex = lexicon();
  const A = lex.aggregateStart;
  for (let c = 0; c < A && c < featureCount; c++) if (counts[c] !== 0) counts[c] = Math.log1p(counts[c]!);
  if (AGGREGATES && A < featureCount && hits.length > 0) {
    const T = THEME_IDS.length;
    const mass = new Float64Array(T);
    const title = new Float64Array(T);
    const first = new Float64Array(T).fill(-1);
    let total = 0;
    const docEnd = hits[hits.length - 1]!.end;
    for (const h of hits) {
      const t = lex.conceptTheme[h.concept]!;
      mass[t]! += h.weight;
      total += h.weight;
      if (h.inTitle && h.weight >= 1) title[t] = 1;
      if (first[t]! < 0 && h.weight >= 1) first[t] = h.start;
    }
    AGGREGATE_KINDS.forEach((kind, k) => {
      const base = A + k * T;
      for (let t = 0; t < T && base + t < featureCount; t++) {
        if (kind === 'share') counts[base + t] = total > 0 ? mass[t]! / total : 0;
        else if (kind === 'title') counts[base + t] = title[t]!;
        else if (kind === 'early') counts[base + t] = first[t]! < 0 ? 0 : 1 - first[t]! / Math.max(1, docEnd);
      }
    });
  }
  return counts;
}

/** The learned (or prior) linear model. */
export interface ThemeModel {
  /** Feature ids (concepts, then patterns `concept|words`). */
  readonly concepts: readonly string[];
  readonly themes: readonly ThemeId[];
  /** weights[t][f] */
  readonly weights: ArrayLike<number>[];
  readonly bias: readonly number[];
  /** Probability a secondary theme needs. */
  readonly threshold: number;
  /** Per-theme override of `threshold` (themes are learned from differently labelled sources). */
  readonly thresholds?: readonly number[];
  /** Secondary themes must reach this share of the top probability. */
  readonly relative: number;
  /**
   * The share they must reach instead, when higher, if the leading theme is one of peace and
   * security (`PEACE_AND_SECURITY_THEMES`); absent: `relative` always. See `PEACE_AND_SECURITY_RELATIVE`.
   */
  readonly peaceRelative?: number;
  /** Labelled training reports for the neighbour vote (absent: themes ranked by `probs` alone). */
  readonly neighbours?: ThemeNeighbours;
  /** Re-scorer weights, `RESCORE_FEATURES` order, then the bias (absent: no re-scoring). */
  readonly rescorer?: readonly number[];
  /**
   * Per theme, the log of how often it is the primary theme of the labelled reports that carry
   * it (smoothed; see `primaryPropensity`): some themes lead the reports they are in (mine
   * action, elections), others nearly always accompany another (WASH, coordination). Absent: no prior.
   */
  readonly primaryPrior?: readonly number[];
  /** Learned choice of the primary theme among the kept ones (absent: the hand-made score alone, `handPrimaryScore`). */
  readonly primaryRanker?: PrimaryRanker;
}

/**
 * The primary-theme ranker: which of a report's kept themes it is mainly about. A conditional
 * logit over the kept themes, learned by scripts/train-themes.ts from the labelled primary themes:
 * a kept theme's score is `mix` · its `PRIMARY_FEATURES` plus its own weights · the report's
 * features (the membership model's features: concepts, patterns, aggregates). The membership
 * model asks "is this theme in the report", this one "is it what the report is about": a mine
 * clearance report that mentions funding is about mine action, a pledging conference about
 * contributions.
 */
export interface PrimaryRanker {
  /** Weights of `PRIMARY_FEATURES`. */
  readonly mix: readonly number[];
  /** weights[t][f], over the model's features. */
  readonly weights: ArrayLike<number>[];
}

/**
 * The ranker's inputs per kept theme besides the report's features: the hand-made score
 * (`handPrimaryScore`), the theme's share of the evidence in the lead (`LEAD_CHARS` after the
 * title) among the kept themes, its primary prior, and its re-scored log-odds.
 */
export const PRIMARY_FEATURES = ['handScore', 'leadShare', 'prior', 'rescored'] as const;
/** Characters after the title (the dateline and, mostly, the first paragraph) that make the lead. */
export const LEAD_CHARS = 600;

/**
 * The training reports as concept vectors, for a k-nearest-neighbour theme vote: each report's
 * concept features (log counts, the first `idf.length` features) times IDF, L2-normalised, stored
 * compressed-row (`concept`/`weight` from `start[d]` to `start[d + 1]`), with its gold themes as a
 * bitmask. A few hundred reports × a few dozen concepts: tens of kilobytes as typed arrays.
 */
export interface ThemeNeighbours {
  readonly k: number;
  readonly idf: Float64Array;
  readonly start: Int32Array;
  readonly concept: Int32Array;
  readonly weight: Float32Array;
  readonly labels: Uint32Array;
}

/**
 * Features of the re-scorer, per (report, supported theme): the model's log-odds, the top
 * supported theme's log-odds, whether the theme ranks 2nd, 3rd, or 4th or lower among supported
 * themes, and the neighbour vote. The per-theme models score each theme on its own; the re-scorer
 * (a logistic model learned on out-of-fold probabilities) sees the report's ranking and what
 * similar labelled reports were tagged with, which is what decides how many themes to keep.
 */
export const RESCORE_FEATURES = ['logit', 'topLogit', 'rank2', 'rank3', 'rank4+', 'neighbours'] as const;

interface ModelFile {
  concepts: string[];
  themes: string[];
  /** Per theme, the non-zero weights as a flat list: feature index, weight, index, weight… */
  weights: number[][];
  bias: number[];
  threshold: number;
  thresholds?: number[];
  relative: number;
  peaceRelative?: number;
  neighbours?: { k: number; idf: number[]; docs: number[][]; labels: number[] };
  rescorer?: number[];
  primaryPrior?: number[];
  /** `PrimaryRanker.mix`, and per theme its non-zero weights as a flat list like `weights`. */
  primaryRanker?: { mix: number[]; weights: number[][] };
}

/** Prior weight of a concept for its own theme. */
export const PRIOR_WEIGHT = 1.5;
/** Prior bias of every theme. */
export const PRIOR_BIAS = -3;

/** Prior model: each concept votes for its own theme; patterns start neutral. */
export function priorModel(): ThemeModel {
  const lex = lexicon();
  const C = lex.conceptIds.length;
  const weights = THEME_IDS.map((t) => {
    const w = new Float64Array(lex.featureIds.length);
    for (let f = 0; f < C; f++) if (CONCEPTS[f]!.theme === t) w[f] = PRIOR_WEIGHT;
    return w;
  });
  return { concepts: lex.featureIds, themes: [...THEME_IDS], weights, bias: THEME_IDS.map(() => PRIOR_BIAS), threshold: 0.5, relative: 0.3 };
}

let model: ThemeModel | undefined;

/** The shipped model, aligned to the current lexicon (unknown features keep their prior weight). */
export function getThemeModel(): ThemeModel {
  if (model) return model;
  const file = themeModelData as unknown as ModelFile;
  const ids = lexicon().featureIds;
  if (!file.weights || file.weights.length === 0) {
    model = priorModel();
    return model;
  }
  const index = new Map(ids.map((c, i) => [c, i]));
  const prior = priorModel();
  const known = new Set(file.concepts);
  const weights = THEME_IDS.map((t, ti) => {
    const fi = file.themes.indexOf(t);
    if (fi < 0) return prior.weights[ti]!;
    // features the file does not know (lexicon grew since training) keep their prior weight
    const w = Float64Array.from(prior.weights[ti]!);
    ids.forEach((c, ci) => { if (known.has(c)) w[ci] = 0; });
    const flat = file.weights[fi]!;
    for (let k = 0; k + 1 < flat.length; k += 2) {
      const ci = index.get(file.concepts[flat[k]!]!);
      if (ci !== undefined) w[ci] = flat[k + 1]!;
    }
    return w;
  });
  const bias = THEME_IDS.map((t, ti) => {
    const fi = file.themes.indexOf(t);
    return fi >= 0 ? file.bias[fi]! : prior.bias[ti]!;
  });
  const thresholds = file.thresholds ? THEME_IDS.map((t) => file.thresholds![file.themes.indexOf(t)] ?? file.threshold) : undefined;
  const primaryPrior = file.primaryPrior ? THEME_IDS.map((t) => file.primaryPrior![file.themes.indexOf(t)] ?? 0) : undefined;
  const primaryRanker = file.primaryRanker && {
    mix: file.primaryRanker.mix,
    weights: THEME_IDS.map((t) => {
      const w = new Float64Array(ids.length);
      const flat = file.primaryRanker!.weights[file.themes.indexOf(t)] ?? [];
      for (let k = 0; k + 1 < flat.length; k += 2) {
        const ci = index.get(file.concepts[flat[k]!]!);
        if (ci !== undefined) w[ci] = flat[k + 1]!;
      }
      return w;
    }),
  };
  model = { concepts: ids, themes: [...THEME_IDS], weights, bias, threshold: file.threshold, thresholds, relative: file.relative, peaceRelative: file.peaceRelative, rescorer: file.rescorer, primaryPrior, primaryRanker };
  if (file.neighbours && file.rescorer) model = { ...model, neighbours: neighboursFromFile(file, index) };
  return model;
}

/** Typed-array neighbour memory from the model file, concept indices mapped to the current lexicon. */
function neighboursFromFile(file: ModelFile, index: Map<string, number>): ThemeNeighbours {
  const nb = file.neighbours!;
  const C = lexicon().conceptIds.length;
  const idf = new Float64Array(C);
  nb.idf.forEach((v, c) => {
    const ci = index.get(file.concepts[c]!);
    if (ci !== undefined && ci < C) idf[ci] = v;
  });
  const start = new Int32Array(nb.docs.length + 1);
  const concept: number[] = [];
  const weight: number[] = [];
  nb.docs.forEach((flat, d) => {
    for (let k = 0; k + 1 < flat.length; k += 2) {
      const ci = index.get(file.concepts[flat[k]!]!);
      if (ci === undefined || ci >= C) continue;
      concept.push(ci);
      weight.push(flat[k + 1]!);
    }
    start[d + 1] = concept.length;
  });
  return { k: nb.k, idf, start, concept: Int32Array.from(concept), weight: Float32Array.from(weight), labels: Uint32Array.from(nb.labels) };
}

/** Replace the model (training and tests). */
export function setThemeModel(m: ThemeModel | undefined): void {
  model = m;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Per-theme probabilities for a feature vector. */
export function themeProbabilities(x: Float64Array, m: ThemeModel = getThemeModel()): number[] {
  const nz: number[] = [];
  for (let c = 0; c < x.length; c++) if (x[c] !== 0) nz.push(c);
  return m.themes.map((_, t) => {
    const w = m.weights[t]!;
    let z = m.bias[t]!;
    for (const c of nz) z += w[c]! * x[c]!;
    return sigmoid(z);
  });
}

/**
 * The share of the leading theme's probability a secondary theme needs when the leading theme is
 * one of peace and security (a political mission's report), if the model's `relative` is lower:
 * scripts/train-themes.ts writes it into the model (`peaceRelative`). Such reports carry fewer
 * themes than humanitarian ones, and ReliefWeb's partial labels, which reward keeping more,
 * hardly ever lead with one. 5-fold over the corpus and the helper reports (relative 0.1
 * otherwise): corpus themes F1 0.756 → 0.780, helper reports 0.739 → 0.751, ReliefWeb recall
 * 0.621 → 0.617; 0.3 and 0.4 gained less, 0.6–0.8 no more (0.8: 0.750, 0.739, 0.611).
 */
export const PEACE_AND_SECURITY_RELATIVE = 0.5;
const PEACE_AND_SECURITY_INDEX: readonly boolean[] = THEME_IDS.map((id) => PEACE_AND_SECURITY_THEMES.has(id));

/** Which themes to keep, from per-theme probabilities in taxonomy order: indices, best first (at most 4). */
export function selectThemes(probs: readonly number[], m: Pick<ThemeModel, 'threshold' | 'thresholds' | 'relative' | 'peaceRelative'>, supported: (t: number) => boolean): number[] {
  const order = probs.map((p, t) => [p, t] as const).sort((a, b) => b[0] - a[0]);
  const chosen: number[] = [];
  let top = 0;
  let relative = m.relative;
  for (const [p, t] of order) {
    if (chosen.length >= 4) break;
    if (!supported(t)) continue;
    if (chosen.length === 0) {
      chosen.push(t);
      top = p;
      if (m.peaceRelative !== undefined && PEACE_AND_SECURITY_INDEX[t] === true) relative = Math.max(relative, m.peaceRelative);
      continue;
    }
    if (p >= (m.thresholds?.[t] ?? m.threshold) && p >= relative * top) chosen.push(t);
  }
  return chosen;
}

/**
 * Neighbour vote per theme: the similarity-weighted share of the k most similar memory reports
 * (cosine of IDF-weighted concept vectors) that carry the theme. All zeros when the report has no
 * concept in common with any of them.
 */
export function neighbourVotes(x: ArrayLike<number>, nb: ThemeNeighbours, themeCount: number): Float64Array {
  const C = nb.idf.length;
  const q = new Float64Array(C);
  let norm = 0;
  for (let c = 0; c < C; c++) {
    const v = (x[c] ?? 0) * nb.idf[c]!;
    q[c] = v;
    norm += v * v;
  }
  const votes = new Float64Array(themeCount);
  if (norm === 0) return votes;
  // the k best (similarity, report) pairs, kept sorted by insertion: k is small
  const k = nb.k;
  const bestSim = new Float64Array(k);
  const bestDoc = new Int32Array(k).fill(-1);
  let kept = 0;
  const D = nb.start.length - 1;
  // Similarities through the memory's concept → reports index: only the reports that share a
  // concept with this one are touched. Each report's terms are added in concept order, as a
  // pass over its own entries would add them, so the sums are the same to the last bit.
  const byConcept = invertedMemory(nb);
  const sims = new Float64Array(D);
  for (let c = 0; c < C; c++) {
    const v = q[c]!;
    if (v === 0) continue;
    for (let e = byConcept.start[c]!; e < byConcept.start[c + 1]!; e++) sims[byConcept.doc[e]!]! += v * byConcept.weight[e]!;
  }
  for (let d = 0; d < D; d++) {
    const s = sims[d]!;
    if (s <= 0 || (kept === k && s <= bestSim[k - 1]!)) continue;
    let at = kept < k ? kept++ : k - 1;
    while (at > 0 && bestSim[at - 1]! < s) {
      bestSim[at] = bestSim[at - 1]!;
      bestDoc[at] = bestDoc[at - 1]!;
      at--;
    }
    bestSim[at] = s;
    bestDoc[at] = d;
  }
  let total = 0;
  for (let j = 0; j < kept; j++) {
    total += bestSim[j]!;
    const labels = nb.labels[bestDoc[j]!]!;
    for (let t = 0; t < themeCount; t++) if ((labels >>> t) & 1) votes[t]! += bestSim[j]!;
  }
  // no memory report shares a concept with this one: no vote (not 0/0)
  if (total === 0) return votes;
  for (let t = 0; t < themeCount; t++) votes[t]! /= total;
  return votes;
}

/** The neighbour memory transposed: for each concept, the reports holding it and their weights (in report order). */
interface InvertedMemory {
  readonly start: Int32Array;
  readonly doc: Int32Array;
  readonly weight: Float32Array;
}
const invertedMemories = new WeakMap<ThemeNeighbours, InvertedMemory>();
function invertedMemory(nb: ThemeNeighbours): InvertedMemory {
  let inv = invertedMemories.get(nb);
  if (inv !== undefined) return inv;
  const C = nb.idf.length;
  const D = nb.start.length - 1;
  const start = new Int32Array(C + 1);
  for (let e = 0; e < nb.concept.length; e++) start[nb.concept[e]! + 1]!++;
  for (let c = 0; c < C; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, C);
  const doc = new Int32Array(nb.concept.length);
  const weight = new Float32Array(nb.concept.length);
  for (let d = 0; d < D; d++) {
    for (let e = nb.start[d]!; e < nb.start[d + 1]!; e++) {
      const at = next[nb.concept[e]!]!++;
      doc[at] = d;
      weight[at] = nb.weight[e]!;
    }
  }
  inv = { start, doc, weight };
  invertedMemories.set(nb, inv);
  return inv;
}

const LOGIT_FLOOR = -8;
const clampedLogit = (p: number): number => {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.max(LOGIT_FLOOR, Math.log(q / (1 - q)));
};

/**
 * Re-scorer inputs (`RESCORE_FEATURES`) for every supported theme (null for the others).
 */
export function rescoreFeatures(probs: readonly number[], votes: ArrayLike<number>, supported: readonly boolean[]): (number[] | null)[] {
  const order = probs.map((p, t) => [p, t] as const).filter(([, t]) => supported[t]).sort((a, b) => b[0] - a[0]);
  const rank = new Int32Array(probs.length).fill(-1);
  order.forEach(([, t], r) => { rank[t] = r; });
  const top = order.length > 0 ? clampedLogit(order[0]![0]) : LOGIT_FLOOR;
  return probs.map((p, t) => {
    const r = rank[t]!;
    if (r < 0) return null;
    return [clampedLogit(p), top, r === 1 ? 1 : 0, r === 2 ? 1 : 0, r >= 3 ? 1 : 0, votes[t] ?? 0];
  });
}

/** Apply the re-scorer: supported themes get its probability, the others keep theirs. */
export function rescore(probs: readonly number[], votes: ArrayLike<number>, supported: readonly boolean[], rescorer: readonly number[]): number[] {
  const feats = rescoreFeatures(probs, votes, supported);
  const D = RESCORE_FEATURES.length;
  return probs.map((p, t) => {
    const f = feats[t];
    if (!f) return p;
    let z = rescorer[D]!;
    for (let d = 0; d < D; d++) z += rescorer[d]! * f[d]!;
    return sigmoid(z);
  });
}

/** Contribution of one hit to theme t. */
function hitScore(h: ConceptHit, w: ArrayLike<number>): number {
  return ((w[h.concept] ?? 0) + (w[h.pattern] ?? 0)) * h.weight * h.pos;
}

/** Pick 1 to 4 themes with evidence. */
export function scoreThemes(text: string, tokens: readonly Token[], titleEnd: number, hints: ThemeHints = {}): { themes: ThemeTag[]; primary: ThemeId | null } {
  const m = getThemeModel();
  const hits = findConcepts(tokens, titleEnd);
  const x = conceptFeatures(hits, m.concepts.length);
  const probs = themeProbabilities(x, m);
  const supported = m.themes.map((_, t) => hits.some((h) => hitScore(h, m.weights[t]!) > 0));
  // which themes to keep is decided on the re-scored probabilities; the primary one below on the
  // model's own (the re-scorer sees ranks and neighbours, not what the title says)
  const scores = m.neighbours && m.rescorer ? rescore(probs, neighbourVotes(x, m.neighbours, m.themes.length), supported, m.rescorer) : probs;
  const chosen = selectThemes(scores, m, (t) => supported[t]!);
  // The primary theme: the ranker's choice among the kept ones (or the hand-made score alone).
  if (chosen.length > 1) {
    const ranked = primaryScores(x, hits, probs, scores, chosen, m, titleEnd);
    let best = 0;
    for (let k = 1; k < chosen.length; k++) if (ranked[k]! > ranked[best]!) best = k;
    // A headline announcing a country's gift of money is primarily about the contribution,
    // whatever it pays for ("Germany contributes €50 million to UNICEF for safe water in Yemen").
    const contributions = m.themes.indexOf('contributions');
    if (hints.donorInTitle && contributions >= 0 && chosen.includes(contributions) && MONEY.test(text.slice(0, titleEnd))) best = chosen.indexOf(contributions);
    if (best > 0) chosen.unshift(...chosen.splice(best, 1));
  }
  const themes: ThemeTag[] = chosen.map((t) => ({
    id: m.themes[t]!,
    score: Math.round(scores[t]! * 1000) / 1000,
    evidence: evidenceFor(text, hits, m, t),
  }));
  return { themes, primary: themes[0]?.id ?? null };
}

/**
 * The hand-made primary score of theme `t`: its log-odds (capped at PRIMARY_LOGIT_CAP), plus
 * what the title itself says of it (`title`: its hits' positive scores, organisation names left
 * out, per unit of title weight; PRIMARY_TITLE_BOOST), plus its primary prior (PRIMARY_PRIOR_WEIGHT).
 */
function handPrimaryScore(title: number, probs: readonly number[], m: ThemeModel, t: number): number {
  const p = Math.min(Math.max(probs[t]!, 1e-9), 1 - 1e-9);
  return Math.min(Math.log(p / (1 - p)), PRIMARY_LOGIT_CAP) + PRIMARY_TITLE_BOOST * title + PRIMARY_PRIOR_WEIGHT * (m.primaryPrior?.[t] ?? 0);
}

/** `PRIMARY_FEATURES` of each kept theme (`chosen`, theme indices), in that order. */
export function primaryFeatures(hits: readonly ConceptHit[], probs: readonly number[], scores: readonly number[], chosen: readonly number[], m: ThemeModel, titleEnd: number): number[][] {
  const title = chosen.map(() => 0);
  const lead = chosen.map(() => 0);
  // one pass over the hits for every kept theme's title and lead evidence
  for (const h of hits) {
    const inTitle = h.inTitle && !isOrganisationName(h);
    const inLead = !h.inTitle && h.start < titleEnd + LEAD_CHARS;
    if (!inTitle && !inLead) continue;
    for (let k = 0; k < chosen.length; k++) {
      const s = Math.max(0, hitScore(h, m.weights[chosen[k]!]!));
      if (inTitle) title[k]! += s / (1 + TITLE_WEIGHT);
      else lead[k]! += s;
    }
  }
  const leadTotal = lead.reduce((a, v) => a + v, 0) || 1;
  return chosen.map((t, k) => [handPrimaryScore(title[k]!, probs, m, t), lead[k]! / leadTotal, m.primaryPrior?.[t] ?? 0, Math.min(8, clampedLogit(scores[t]!))]);
}

/** The primary score of each kept theme: the ranker's when the model has one, else the hand-made one. */
export function primaryScores(x: ArrayLike<number>, hits: readonly ConceptHit[], probs: readonly number[], scores: readonly number[], chosen: readonly number[], m: ThemeModel, titleEnd: number): number[] {
  const ranker = m.primaryRanker;
  const features = primaryFeatures(hits, probs, scores, chosen, m, titleEnd);
  // without a ranker, the hand-made score (`PRIMARY_FEATURES`' first) decides alone
  if (ranker === undefined) return features.map((f) => f[0]!);
  const nz: number[] = [];
  for (let c = 0; c < x.length; c++) if (x[c] !== 0) nz.push(c);
  return features.map((f, k) => {
    const w = ranker.weights[chosen[k]!]!;
    let z = 0;
    for (let d = 0; d < f.length; d++) z += ranker.mix[d]! * f[d]!;
    for (const c of nz) z += w[c]! * x[c]!;
    return z;
  });
}

/** What the rest of the classifier knows that bears on the themes. */
export interface ThemeHints {
  /** The title names a country as a donor (see `PlaceResult.donorInTitle`). */
  readonly donorInTitle?: boolean;
}

/** An amount of money: a currency sign or word next to a number. */
const MONEY = /(?:US\$|\$|€|£|¥)\s?\d|\d[\d.,]*\s*(?:(?:millions?|milliards?|billions?|млн|млрд|тыс)\.?\s*(?:(?:de|d['’]|of)\s*)?)?(?:US\s?dollars?|dollars?|euros?|pounds?|yen|francs?|USD|EUR|GBP|CHF|JPY|долл\p{L}*|евро|фунт\p{L}*|иен|франк\p{L}*)(?!\p{L})|(?:USD|EUR|GBP|CHF|JPY)\s?\d/u;

/** Added to the evidence rank of a theme's own concepts (larger than any single hit's score). */
const OWN_EVIDENCE_FIRST = 1e6;

function evidenceFor(text: string, hits: readonly ConceptHit[], m: ThemeModel, t: number): Evidence[] {
  const w = m.weights[t]!;
  const lex = lexicon();
  const theme = THEME_IDS.indexOf(m.themes[t]!);
  // the (at most 3) best-scoring distinct spans, in one pass; the theme's own concepts rank before
  // words of other themes that the model learned to associate with it
  const best: Array<{ h: ConceptHit; s: number; key: string }> = [];
  for (const h of hits) {
    const raw = hitScore(h, w);
    if (raw <= 0) continue;
    const s = lex.conceptTheme[h.concept] === theme ? raw + OWN_EVIDENCE_FIRST : raw;
    if (best.length === 3 && s <= best[2]!.s) continue;
    const key = text.slice(h.start, h.end).toLowerCase();
    const dup = best.findIndex((b) => b.key === key);
    if (dup >= 0) {
      if (s <= best[dup]!.s) continue;
      best.splice(dup, 1);
    }
    let k = best.length;
    while (k > 0 && best[k - 1]!.s < s) k--;
    best.splice(k, 0, { h, s, key });
    if (best.length > 3) best.pop();
  }
  // words of other themes are quoted only when the theme's own vocabulary is absent
  const shown = best[0] && best[0].s >= OWN_EVIDENCE_FIRST ? best.filter((b) => b.s >= OWN_EVIDENCE_FIRST) : best;
  return shown.map(({ h }) => ({ text: text.slice(h.start, h.end), start: h.start, end: h.end }));
}

/** Whether a hit is the name of an organisation (`ORGANISATION_NAMES`). */
export function isOrganisationName(h: ConceptHit): boolean {
  return lexicon().organisation[h.pattern] === 1;
}

/** Concept ids (for reports). */
export function conceptIds(): readonly string[] {
  return lexicon().conceptIds;
}

/** Feature ids in model order (for training): concepts, then patterns. */
export function featureIds(): readonly string[] {
  return lexicon().featureIds;
}
