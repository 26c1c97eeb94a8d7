/**
 * Learns the concern model shipped in shared/classify/data/concern-model.json (see
 * shared/classify/concern.ts) from the labelled reports: the corpus reports with country labels
 * and the helper-written ones (scripts/labelled-reports.jsonl). The check reports
 * (scripts/places-checks.jsonl) are left out, for `npm run eval` to score on.
 *
 * Each mentioned country of each report is one example: the place rules' counts, readings and
 * verdict for it (`PlaceResult.concernInputs`, computed with the model off), labelled 1 when the
 * report's labels list it as concerned. One L2-regularised logistic regression over the
 * standardised `CONCERN_FEATURES`. The threshold is the one that maximises concerned-country F1
 * on out-of-fold probabilities (5 folds by helper set: no set's reports both teach and test).
 *
 * Run: npx tsx scripts/train-concern.ts            (writes the model)
 * Used by scripts/eval.ts for cross-validation (`concernExamples`, `trainConcernModel`).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONCERN_FEATURES, concernProbability, concernVector, decideConcern, setConcernModel, type ConcernModel } from '../shared/classify/concern';
import { analysePlaces } from '../shared/classify/places';
import { documentLayout, documentText, tokenize } from '../shared/classify/text';
import { foldOf, loadCorpus, loadHelperReports, type LabelledReport } from './corpus';

/** L2 strength on the standardised weights. 0.0001–0.01 gave the same F1 within 0.005 (session 16). */
const L2 = Number(process.env.HC_L2 ?? 0.001);
const ITERATIONS = 400;
const LEARNING_RATE = 1;
const CORPUS_WEIGHT = Number(process.env.HC_CW ?? 1);
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
const THRESHOLD_TOLERANCE = 0.001;

/** One mentioned country of one report. */
export interface ConcernExample {
  /** The report's id, and the group that keeps folds apart (a helper set, or the report). */
  readonly report: string;
  readonly group: string;
  readonly country: string;
  readonly vector: readonly number[];
  /** Concerned by the labels. */
  readonly label: 0 | 1;
  /** Concerned by the rules alone, and on strong grounds (kept whatever the model says). */
  readonly rule: 0 | 1;
  readonly strong: 0 | 1;
  /** Weight in training: the corpus's reports, whose labels are the reference, count CORPUS_WEIGHT times. */
  readonly weight: number;
}

/** A report with country labels, as the concern model learns from it. */
export type CountryLabelled = Pick<LabelledReport, 'id' | 'title' | 'body' | 'dateline' | 'source'> & { readonly countries?: readonly string[]; readonly set?: string };

/** The examples of the given reports, from the rules alone (the model off while they are read). */
export function concernExamples(reports: readonly CountryLabelled[]): ConcernExample[] {
  const out: ConcernExample[] = [];
  setConcernModel(null);
  try {
    for (const r of reports) {
      if (!r.countries) continue;
      const input = { title: r.title, body: r.body, dateline: r.dateline };
      const text = documentText(input);
      const places = analysePlaces(text, tokenize(text), documentLayout(input));
      for (const [country, inputs] of places.concernInputs) {
        out.push({ report: r.id, group: r.set ?? r.id, country, vector: concernVector(inputs), label: r.countries.includes(country) ? 1 : 0, rule: places.countries.includes(country) ? 1 : 0, strong: inputs.strongGrounds === 1 ? 1 : 0, weight: r.source === 'helper' ? 1 : CORPUS_WEIGHT });
      }
    }
  } finally {
    setConcernModel(undefined);
  }
  return out;
}

/**
 * Fits the logistic regression on the examples it decides (not those the rules concern on strong
 * grounds); `threshold` is left at 0.5 (see `trainConcernModel`).
 */
function fit(all: readonly ConcernExample[]): ConcernModel {
  const examples = all.filter((e) => e.strong === 0);
  const D = CONCERN_FEATURES.length;
  const n = Math.max(1, examples.length);
  const total = Math.max(1e-9, examples.reduce((a, e) => a + e.weight, 0));
  const mean = new Array<number>(D).fill(0);
  const scale = new Array<number>(D).fill(0);
  for (const e of examples) for (let k = 0; k < D; k++) mean[k]! += e.vector[k]! / n;
  for (const e of examples) for (let k = 0; k < D; k++) scale[k]! += (e.vector[k]! - mean[k]!) ** 2 / n;
  for (let k = 0; k < D; k++) scale[k] = Math.sqrt(scale[k]!) || 1;
  const z = examples.map((e) => e.vector.map((v, k) => (v - mean[k]!) / scale[k]!));
  const w = new Float64Array(D);
  let b = 0;
  const g = new Float64Array(D);
  for (let it = 0; it < ITERATIONS; it++) {
    g.fill(0);
    let gb = 0;
    examples.forEach((e, i) => {
      let s = b;
      for (let k = 0; k < D; k++) s += w[k]! * z[i]![k]!;
      const err = (1 / (1 + Math.exp(-s)) - e.label) * e.weight;
      for (let k = 0; k < D; k++) g[k]! += err * z[i]![k]!;
      gb += err;
    });
    for (let k = 0; k < D; k++) w[k]! -= LEARNING_RATE * (g[k]! / total + L2 * w[k]!);
    b -= LEARNING_RATE * (gb / total);
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { features: [...CONCERN_FEATURES], mean: mean.map(round), scale: scale.map(round), weights: Array.from(w, round), bias: round(b), threshold: 0.5 };
}

/**
 * The reports' concerned countries as the model decides them at `threshold` (at least one per
 * report when the rules had one), counted against the labels: [true positives, false positives, false negatives].
 */
export function concernCounts(examples: readonly ConcernExample[], probability: (e: ConcernExample) => number, threshold: number): [number, number, number] {
  const byReport = new Map<string, ConcernExample[]>();
  for (const e of examples) (byReport.get(e.report) ?? byReport.set(e.report, []).get(e.report)!).push(e);
  let tp = 0, fp = 0, fn = 0;
  for (const group of byReport.values()) {
    // (the model decides only when the rules concern at least one country, as in places.ts)
    const ruled = group.some((e) => e.rule === 1);
    const decided = decideConcern(group.map((e) => e.strong === 1), group.map(probability), threshold);
    group.forEach((e, i) => {
      const concerned = ruled && decided[i]!;
      if (concerned && e.label) tp++;
      else if (concerned) fp++;
      else if (e.label) fn++;
    });
  }
  return [tp, fp, fn];
}

const f1 = ([tp, fp, fn]: [number, number, number]) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

/** Trains the model and picks its threshold on out-of-fold probabilities (5 folds by group). */
export function trainConcernModel(examples: readonly ConcernExample[]): ConcernModel {
  const K = 5;
  const oof = new Map<ConcernExample, number>();
  for (let f = 0; f < K; f++) {
    const model = fit(examples.filter((e) => foldOf(e.group, K) !== f));
    for (const e of examples) if (foldOf(e.group, K) === f) oof.set(e, concernProbability(model, e.vector));
  }
  // F1 is flat across these thresholds (0.920–0.922 from 0.35 to 0.5 with 4,179 helper
  // reports): the lowest one within THRESHOLD_TOLERANCE of the best keeps more countries, since a
  // country left out is an alert its subscribers never get.
  const scores = THRESHOLDS.map((t) => f1(concernCounts(examples, (e) => oof.get(e)!, t)));
  const best = Math.max(...scores);
  const threshold = THRESHOLDS[scores.findIndex((s) => s >= best - THRESHOLD_TOLERANCE)]!;
  return { ...fit(examples), threshold };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const t0 = performance.now();
  const reports: CountryLabelled[] = [...loadCorpus(), ...loadHelperReports()];
  const examples = concernExamples(reports);
  const model = trainConcernModel(examples);
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../shared/classify/data/concern-model.json');
  writeFileSync(out, `${JSON.stringify({ generatedBy: 'scripts/train-concern.ts', ...model })}\n`);
  console.log(`trained on ${examples.length} countries of ${reports.length} reports in ${Math.round(performance.now() - t0)} ms; threshold ${model.threshold}`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
