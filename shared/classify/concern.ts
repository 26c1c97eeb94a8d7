/**
 * Which mentioned countries a report concerns, learned on top of the place rules. The rules
 * (places.ts) count, per country, how and where the text names it (title, dateline, body,
 * "Government of", lists, donors, venues …), score it and decide; what counts as "concerned"
 * is partly a convention of the people who label reports (a venue, a troop contributor, the
 * home country of refugees), which hand-set weights only approximate. The concern model is a
 * logistic regression over the rules' own counts, flags, score and decision
 * (`CONCERN_FEATURES`), learned by scripts/train-concern.ts from the labelled reports and
 * shipped in data/concern-model.json. places.ts lets it decide the countries the rules concern
 * on weak grounds and those they leave out; those concerned on strong grounds stay so. Pure:
 * no I/O at call time.
 */
import concernModelData from './data/concern-model.json';

/**
 * The inputs of the concern model for one mentioned country, in model order. Counts are
 * log(1 + n); flags 0 or 1. Names match places.ts's per-country counts and decisions.
 */
export const CONCERN_FEATURES = [
  // the rules' verdict and score
  'ruleConcerned', 'strongGrounds', 'score', 'shareOfTop', 'rankFirst', 'rankSecond', 'countries', 'ruleConcernedCountries', 'titleAreas',
  // how and where the text names the country
  'titleName', 'titleCity', 'dateline', 'seatDateline', 'body', 'named', 'first', 'gov', 'loc', 'border', 'donor', 'list', 'org', 'people',
  'neighbour', 'titleDonor', 'participant', 'example', 'adjacent', 'towns', 'seatTowns', 'datelineNamed', 'titleAgreement', 'visitedTowns', 'speaker',
  // the rules' readings of its role, and of the report
  'passingListing', 'neighbourOnly', 'hubDateline', 'titleGiver', 'author', 'partner', 'venue', 'envoyVenue', 'onlyMentioned',
  'regionalTitle', 'meetingOnCountry', 'namedInTitle', 'placedInTitle', 'regional',
] as const;
export type ConcernFeature = (typeof CONCERN_FEATURES)[number];

/** The model: standardisation, weights in `features` order, bias and the decision threshold. */
export interface ConcernModel {
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** A country is concerned when its probability reaches this. */
  readonly threshold: number;
}

/** The raw inputs as places.ts has them: counts (not yet logged) and flags. */
export type ConcernInputs = Readonly<Record<ConcernFeature, number>>;

/** `CONCERN_FEATURES` values of one country: counts log(1 + n), `first` (a position in [0, 1]) and flags as they are. */
export function concernVector(inputs: ConcernInputs): number[] {
  const v = new Array<number>(CONCERN_FEATURES.length);
  for (let k = 0; k < CONCERN_FEATURES.length; k++) {
    const x = inputs[CONCERN_FEATURES[k]!];
    v[k] = AS_IS[k] ? x : Math.log1p(Math.max(0, x));
  }
  return v;
}

/** The inputs taken as they are (flags, a position, a share); the others are counts. */
const AS_IS_NAMES: ReadonlySet<ConcernFeature> = new Set<ConcernFeature>([
  'first', 'shareOfTop', 'ruleConcerned', 'strongGrounds', 'rankFirst', 'rankSecond', 'passingListing', 'neighbourOnly', 'hubDateline', 'titleGiver',
  'author', 'partner', 'venue', 'envoyVenue', 'onlyMentioned', 'regionalTitle', 'meetingOnCountry', 'namedInTitle', 'placedInTitle', 'regional',
]);
const AS_IS: readonly boolean[] = CONCERN_FEATURES.map((name) => AS_IS_NAMES.has(name));

/** Probability that the country is concerned. */
export function concernProbability(model: ConcernModel, vector: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < vector.length; k++) z += (model.weights[k]! * (vector[k]! - model.mean[k]!)) / model.scale[k]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Which of a report's mentioned countries are concerned, given each one's probability (in the
 * rules' ranking order) and whether the rules concern it on strong grounds: those on strong
 * grounds, and those whose probability reaches the threshold; when that leaves none, the likeliest
 * (the first of equals). Only called when the rules concern at least one.
 */
export function decideConcern(strong: readonly boolean[], probability: readonly number[], threshold: number): boolean[] {
  const concerned = probability.map((p, i) => strong[i] === true || p >= threshold);
  if (concerned.length > 0 && !concerned.includes(true)) concerned[probability.indexOf(Math.max(...probability))] = true;
  return concerned;
}

let shipped: ConcernModel | null | undefined;
let override: ConcernModel | null | undefined;

/**
 * The model in use: the shipped one, aligned to `CONCERN_FEATURES` (a feature the file lacks
 * gets weight 0); null when none is shipped or `setConcernModel(null)` turned it off (the rules
 * decide alone).
 */
export function getConcernModel(): ConcernModel | null {
  if (override !== undefined) return override;
  if (shipped !== undefined) return shipped;
  const file = concernModelData as Partial<ConcernModel>;
  if (!file.features || !file.weights || file.weights.length === 0) return (shipped = null);
  const at = (name: string, list: readonly number[] | undefined, absent: number) => {
    const k = file.features!.indexOf(name);
    return k >= 0 && list ? list[k]! : absent;
  };
  shipped = {
    features: [...CONCERN_FEATURES],
    mean: CONCERN_FEATURES.map((n) => at(n, file.mean, 0)),
    scale: CONCERN_FEATURES.map((n) => at(n, file.scale, 1) || 1),
    weights: CONCERN_FEATURES.map((n) => at(n, file.weights, 0)),
    bias: file.bias ?? 0,
    threshold: file.threshold ?? 0.5,
  };
  return shipped;
}

/** Replace the model (training and tests): a model, null for the rules alone, undefined for the shipped one. */
export function setConcernModel(model: ConcernModel | null | undefined): void {
  override = model;
}
