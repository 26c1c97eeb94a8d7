/**
 * Learns the theme model shipped in shared/classify/data/theme-model.json from the labelled
 * corpus and the concept lexicon (shared/classify/lexicon.ts).
 *
 * One L2-regularised logistic regression per theme over the concept features (log counts,
 * title counted 3×), regularised toward the prior "a concept votes for its own theme", so a
 * concept no report exercises keeps its seed meaning. ReliefWeb theme labels are incomplete:
 * an unlabelled theme there is a weak negative (weight NEG_WEIGHT_INCOMPLETE). The selection
 * threshold is then chosen on the training reports.
 *
 * Run: npx tsx scripts/train-themes.ts            (writes the model)
 * Used by scripts/eval.ts for cross-validation (trainThemeModel on k−1 folds).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { THEME_IDS } from '../shared/taxonomy/themes';
import { CONCEPTS } from '../shared/classify/lexicon';
import { conceptFeatures, conceptIds, findConcepts, priorModel, themeProbabilities, type ThemeModel } from '../shared/classify/themes';
import { documentLayout, documentText, tokenize } from '../shared/classify/text';
import { loadCorpus, type LabelledReport } from './corpus';

const NEG_WEIGHT_INCOMPLETE = Number(process.env.HT_NEG ?? 0.25);
const COMPLETE_WEIGHT = Number(process.env.HT_CW ?? 3);
const L2 = Number(process.env.HT_L2 ?? 0.08);
const ITERATIONS = Number(process.env.HT_IT ?? 400);
const LEARNING_RATE = 0.5;

export function featuresOf(r: { title: string; body: string; dateline?: string }): Float64Array {
  const input = { title: r.title, body: r.body, dateline: r.dateline };
  const text = documentText(input);
  const tokens = tokenize(text);
  const hits = findConcepts(tokens, documentLayout(input).titleEnd);
  return conceptFeatures(hits, conceptIds().length);
}

/** Train on the given reports; features may be passed precomputed (same order). */
export function trainThemeModel(reports: readonly LabelledReport[], feats?: readonly Float64Array[]): ThemeModel {
  const X = feats ?? reports.map(featuresOf);
  const prior = priorModel();
  const C = conceptIds().length;
  const n = reports.length;
  const weights: number[][] = [];
  const bias: number[] = [];
  THEME_IDS.forEach((theme, t) => {
    const w = Float64Array.from(prior.weights[t]!);
    const w0 = Float64Array.from(prior.weights[t]!);
    let b = prior.bias[t]!;
    const y = reports.map((r) => (r.themes.includes(theme) ? 1 : 0));
    const sw = reports.map((r, i) => (r.themesComplete ? COMPLETE_WEIGHT : y[i] ? 1 : NEG_WEIGHT_INCOMPLETE));
    const total = sw.reduce((a, v) => a + v, 0);
    const gw = new Float64Array(C);
    for (let it = 0; it < ITERATIONS; it++) {
      gw.fill(0);
      let gb = 0;
      for (let i = 0; i < n; i++) {
        const x = X[i]!;
        let z = b;
        for (let c = 0; c < C; c++) if (x[c] !== 0) z += w[c]! * x[c]!;
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - y[i]!) * sw[i]!;
        gb += g;
        for (let c = 0; c < C; c++) if (x[c] !== 0) gw[c]! += g * x[c]!;
      }
      for (let c = 0; c < C; c++) w[c]! -= LEARNING_RATE * (gw[c]! / total + L2 * (w[c]! - w0[c]!));
      b -= LEARNING_RATE * (gb / total);
    }
    weights.push([...w].map((v) => Math.round(v * 1e4) / 1e4));
    bias.push(Math.round(b * 1e4) / 1e4);
  });
  const model: ThemeModel = { concepts: conceptIds(), themes: [...THEME_IDS], weights, bias, threshold: 0.5, relative: 0.3 };
  return tuneThreshold(model, reports, X);
}

/** Choose the probability threshold that maximises F1 on complete labels plus recall on incomplete ones. */
function tuneThreshold(model: ThemeModel, reports: readonly LabelledReport[], X: readonly Float64Array[]): ThemeModel {
  let best = model;
  let bestScore = -1;
  const probs = X.map((x) => themeProbabilities(x, model));
  for (const threshold of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
    for (const relative of [0.1, 0.2, 0.3, 0.4, 0.5]) {
      let tp = 0, fp = 0, fn = 0, rwHit = 0, rwAll = 0;
      reports.forEach((r, i) => {
        const order = probs[i]!.map((p, t) => [p, t] as const).sort((a, b) => b[0] - a[0]);
        const chosen: number[] = [order[0]![1]];
        for (const [p, t] of order.slice(1)) if (chosen.length < 4 && p >= threshold && p >= relative * order[0]![0]) chosen.push(t);
        const pred = new Set(chosen.map((t) => model.themes[t]!));
        if (r.themesComplete) {
          for (const g of r.themes) if (pred.has(g as never)) tp++; else fn++;
          for (const p of pred) if (!r.themes.includes(p)) fp++;
        } else {
          rwAll += r.themes.length;
          for (const g of r.themes) if (pred.has(g as never)) rwHit++;
        }
      });
      const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      const recall = rwAll === 0 ? 0 : rwHit / rwAll;
      const score = f1 + recall;
      if (score > bestScore) {
        bestScore = score;
        best = { ...model, threshold, relative };
      }
    }
  }
  return best;
}

export function modelToJson(m: ThemeModel): string {
  return `${JSON.stringify({
    generatedBy: 'scripts/train-themes.ts',
    concepts: m.concepts,
    themes: m.themes,
    bias: m.bias,
    threshold: m.threshold,
    relative: m.relative,
    weights: m.weights,
  })}\n`;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const reports = loadCorpus();
  const t0 = performance.now();
  const model = trainThemeModel(reports);
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../shared/classify/data/theme-model.json');
  writeFileSync(out, modelToJson(model));
  console.log(`trained on ${reports.length} reports, ${CONCEPTS.length} concepts, in ${Math.round(performance.now() - t0)} ms; threshold ${model.threshold}, relative ${model.relative}`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
