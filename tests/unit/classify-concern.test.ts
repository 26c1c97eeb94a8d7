import { afterEach, describe, expect, it } from 'vitest';
import { CONCERN_FEATURES, concernProbability, concernVector, getConcernModel, setConcernModel, type ConcernInputs, type ConcernModel } from '../../shared/classify/concern';
import { analysePlaces } from '../../shared/classify/places';
import { documentLayout, documentText, tokenize } from '../../shared/classify/text';
import shippedModel from '../../shared/classify/data/concern-model.json';
import { loadCorpus, loadHelperReports } from '../../scripts/corpus';
import { concernExamples, trainConcernModel } from '../../scripts/train-concern';

function places(title: string, body: string, dateline?: string) {
  const input = { title, body, dateline };
  const text = documentText(input);
  return analysePlaces(text, tokenize(text), documentLayout(input));
}

/** A model that reads one feature only: concerned when it is above `at` (log scale for counts). */
function oneFeatureModel(feature: (typeof CONCERN_FEATURES)[number], weight: number, bias: number): ConcernModel {
  return {
    features: [...CONCERN_FEATURES],
    mean: CONCERN_FEATURES.map(() => 0),
    scale: CONCERN_FEATURES.map(() => 1),
    weights: CONCERN_FEATURES.map((f) => (f === feature ? weight : 0)),
    bias,
    threshold: 0.5,
  };
}

/** A report datelined at an agency's headquarters, about somewhere else. */
const FROM_HEADQUARTERS = {
  title: 'UNESCO: girls in Afghanistan kept out of secondary school for a third year',
  dateline: 'PARIS, France',
  body: 'UNESCO said on Thursday that 1.1 million Afghan girls are still barred from secondary school. In Afghanistan, enrolment in primary schools has also fallen, UNESCO said from its headquarters in Paris. France and Sweden fund community classes in Afghanistan. The organization urged the de facto authorities to reopen schools for girls.',
};

describe('the concern model', () => {
  afterEach(() => setConcernModel(undefined));

  it('reads counts on a log scale and positions and flags as they are', () => {
    const inputs = Object.fromEntries(CONCERN_FEATURES.map((f) => [f, 0])) as Record<string, number>;
    Object.assign(inputs, { body: 3, first: 0.25, venue: 1, shareOfTop: 0.5 });
    const v = concernVector(inputs as ConcernInputs);
    expect(v).toHaveLength(CONCERN_FEATURES.length);
    expect(v[CONCERN_FEATURES.indexOf('body')]).toBeCloseTo(Math.log(4), 9);
    expect(v[CONCERN_FEATURES.indexOf('first')]).toBe(0.25);
    expect(v[CONCERN_FEATURES.indexOf('venue')]).toBe(1);
    expect(v[CONCERN_FEATURES.indexOf('shareOfTop')]).toBe(0.5);
  });

  it('is a logistic regression over the standardised features', () => {
    const m: ConcernModel = { ...oneFeatureModel('body', 2, -1), mean: CONCERN_FEATURES.map(() => 1), scale: CONCERN_FEATURES.map(() => 2) };
    const v = CONCERN_FEATURES.map((f) => (f === 'body' ? 3 : 0));
    expect(concernProbability(m, v)).toBeCloseTo(1 / (1 + Math.exp(-(-1 + (2 * (3 - 1)) / 2))), 12);
  });

  it('ships a model over every feature, learned by scripts/train-concern.ts', () => {
    const m = getConcernModel();
    expect(m).not.toBeNull();
    expect(m!.features).toEqual([...CONCERN_FEATURES]);
    expect(m!.weights.some((w) => w !== 0)).toBe(true);
    expect(m!.threshold).toBeGreaterThan(0);
    expect(m!.threshold).toBeLessThan(1);
  });

  it('decides the countries the rules concern on weak grounds, and leaves those on strong grounds', () => {
    const { title, body, dateline } = FROM_HEADQUARTERS;
    setConcernModel(null);
    const rules = places(title, body, dateline);
    expect(rules.countries).toEqual(['AFG', 'FRA']);
    expect(rules.concern.size).toBe(0);
    // France is concerned by the rules for its dateline and two mentions: weak grounds
    expect(rules.concernInputs.get('FRA')!.strongGrounds).toBe(0);
    // a model that follows the rules' verdict gives their answer …
    setConcernModel(oneFeatureModel('ruleConcerned', 20, -10));
    expect(places(title, body, dateline).countries).toEqual(['AFG', 'FRA']);
    // … one that reads the title alone drops France, named only in the text and the dateline
    setConcernModel(oneFeatureModel('titleName', 20, -5));
    const byTitle = places(title, body, dateline);
    expect(byTitle.countries).toEqual(['AFG']);
    expect(byTitle.concern.get('FRA')).toBeLessThan(0.5);
    // a model that concerns nothing cannot undo a border, a government or a people the rules read
    setConcernModel(oneFeatureModel('body', 0, -40));
    const seedLike = places('Border security conference in Dushanbe', 'The Government of Tajikistan hosted the conference on the border between Tajikistan and Afghanistan. Afghan traders and Tajik border guards spoke. France sent experts.');
    expect(seedLike.countries).toEqual(['AFG', 'TJK']);
    expect(seedLike.concernInputs.get('AFG')!.strongGrounds).toBe(1);
    expect(seedLike.concernInputs.get('TJK')!.strongGrounds).toBe(1);
  });

  it('is reproduced by scripts/train-concern.ts from the labelled reports', () => {
    const trained = trainConcernModel(concernExamples([...loadCorpus(), ...loadHelperReports()]));
    const { generatedBy, ...shipped } = shippedModel;
    expect(generatedBy).toBe('scripts/train-concern.ts');
    expect(trained).toEqual(shipped);
  }, 120_000);

  it('keeps one country concerned when the rules had one, the likeliest', () => {
    setConcernModel(oneFeatureModel('body', 1, -40));
    const result = places('Floods in Tajikistan', 'Floods hit Tajikistan and Tajikistan again; Uzbekistan sent help.');
    expect(result.countries).toEqual(['TJK']);
    expect(result.primaryCountry).toBe('TJK');
  });

  it('learned that an agency\'s headquarters and a donor are not what the report is about, where the rules took them to be', () => {
    const { title, body, dateline } = FROM_HEADQUARTERS;
    setConcernModel(null);
    expect(places(title, body, dateline).countries).toEqual(['AFG', 'FRA']);
    setConcernModel(undefined);
    const learned = places(title, body, dateline);
    expect(learned.countries).toEqual(['AFG']);
    expect(learned.primaryCountry).toBe('AFG');
    expect(learned.concern.get('FRA')).toBeLessThan(getConcernModel()!.threshold);
  });
});
