import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, documentText } from '../../shared/classify/index';
import { CONCEPTS, ORGANISATION_NAMES } from '../../shared/classify/lexicon';
import { analysePlaces } from '../../shared/classify/places';
import { conceptFeatures, featureIds, findConcepts, getThemeModel, isOrganisationName, neighbourVotes, PRIMARY_FEATURES, primaryFeatures, primaryPropensity, priorModel, RESCORE_FEATURES, rescore, scoreThemes, selectThemes, setThemeModel, themeProbabilities, type ThemeHints, type ThemeNeighbours } from '../../shared/classify/themes';
import { documentLayout, normalizeToken, tokenize } from '../../shared/classify/text';
import { THEME_IDS } from '../../shared/taxonomy/themes';

/** Themes of the concepts found in `body` (title empty). */
function themesIn(body: string): string[] {
  const text = `\n\n${body}`;
  return [...new Set(findConcepts(tokenize(text), 0).map((h) => CONCEPTS[h.concept]!.theme))];
}

function aggregate(title: string, body: string, kind: 'share' | 'title' | 'early'): Map<string, number> {
  const text = `${title}\n\n${body}`;
  const tokens = tokenize(text);
  const x = conceptFeatures(findConcepts(tokens, title.length), featureIds().length);
  const out = new Map<string, number>();
  featureIds().forEach((id, f) => {
    if (id.startsWith(`@${kind}:`)) out.set(id.slice(kind.length + 2), x[f]!);
  });
  return out;
}

describe('theme features', () => {
  it('has one share, title and first-mention feature per theme', () => {
    for (const kind of ['share', 'title', 'early'] as const) expect([...aggregate('', '', kind).keys()].sort()).toEqual([...THEME_IDS].sort());
  });

  it('shares of concept weight sum to 1 when any concept is found, and stay in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('floods', 'refugees', 'border', 'terrorism', 'the', 'meeting', 'school', 'water', 'героин', 'élections'), { maxLength: 40 }), (ws) => {
        const share = aggregate('', ws.join(' '), 'share');
        const total = [...share.values()].reduce((a, v) => a + v, 0);
        for (const v of share.values()) expect(v).toBeGreaterThanOrEqual(0);
        if (total > 0) expect(total).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('marks the themes named in the title and ranks an early first mention above a late one', () => {
    const title = aggregate('Drug trafficking on the rise', 'Officials met. Later, floods hit the valley.', 'title');
    expect(title.get('drugs-organized-crime')).toBe(1);
    expect(title.get('disaster-management')).toBe(0);
    const early = aggregate('', 'Heroin seizures rose this year, officials said at a long meeting in the capital. Floods followed.', 'early');
    expect(early.get('drugs-organized-crime')!).toBeGreaterThan(early.get('disaster-management')!);
    expect(early.get('drugs-organized-crime')!).toBeLessThanOrEqual(1);
    expect(early.get('gender')).toBe(0);
  });
});

describe('lexicon matching', () => {
  it('does not read Europe as euros, basing as a river basin, or материалов as mothers', () => {
    expect(themesIn('Delegates from Europe attended.')).not.toContain('contributions');
    expect(themesIn('The report recommends basing decisions on evidence.')).not.toContain('transboundary-water-energy');
    expect(themesIn('Участники обменялись копиями материалов.')).not.toContain('gender');
  });

  it('does not read a country\'s "Democratic Republic" as democracy, in three languages, nor "Управление ООН" (an office) as governance', () => {
    expect(themesIn('Fighting continues in the Democratic Republic of the Congo.')).toEqual(['safety-security']);
    expect(themesIn('Les combats se poursuivent en République démocratique du Congo.')).not.toContain('elections-governance');
    expect(themesIn('Бои продолжаются в Демократической Республике Конго.')).not.toContain('elections-governance');
    expect(themesIn('Управление ООН по наркотикам и преступности провело семинар.')).not.toContain('elections-governance');
    // the words themselves still count
    expect(themesIn('Observers praised the democratic conduct of the vote.')).toContain('elections-governance');
    expect(themesIn('Совет Безопасности обсудил ситуацию.')).toEqual(['preventive-diplomacy']);
  });

  it('does not read French "mais" (but) as maize, nor the Lake Chad Basin (a region) as a shared river basin', () => {
    expect(themesIn('La situation reste tendue, mais le dialogue se poursuit.')).not.toContain('agriculture');
    expect(themesIn('Boko Haram reste actif dans le bassin du lac Tchad.')).not.toContain('transboundary-water-energy');
    expect(themesIn('Attacks continue across the Lake Chad Basin.')).not.toContain('transboundary-water-energy');
    expect(themesIn('Les bassins versants du fleuve sont partagés.')).toContain('transboundary-water-energy');
  });

  it('does not read Russian "пытаются" (they try) as torture, nor "в связи с" (in connection with) as communications', () => {
    expect(themesIn('Семьи пытаются заново наладить хозяйство.')).not.toContain('protection-human-rights');
    expect(themesIn('Заседание перенесено в связи с праздниками.')).not.toContain('logistics-telecom');
    // the words themselves still count
    expect(themesIn('Эксперты осудили применение пыток.')).toContain('protection-human-rights');
    expect(themesIn('Восстановлена мобильная связь.')).toContain('logistics-telecom');
  });

  it('finds Russian regional cooperation in every case as one strong phrase, as the English one is found', () => {
    const strong = (text: string) => findConcepts(tokenize(text), 0).filter((h) => CONCEPTS[h.concept]!.theme === 'regional-cooperation' && h.weight === 1).map((h) => text.slice(h.start, h.end));
    expect(strong('Regional cooperation was discussed.')).toEqual(['Regional cooperation']);
    expect(strong('Стороны обсудили региональное сотрудничество.')).toEqual(['региональное сотрудничество']);
    expect(strong('Встреча посвящена региональному сотрудничеству.')).toEqual(['региональному сотрудничеству']);
    expect(strong('Эксперты стран Центральной Азии встретились.')).toEqual(['стран Центральной Азии']);
  });

  it('weighs generic Russian words as their English counterparts: "защита" (protection), "граждане", a single "река" are weak cues', () => {
    const strongIn = (text: string, theme: string) => findConcepts(tokenize(text), 0).filter((h) => CONCEPTS[h.concept]!.theme === theme && h.weight === 1).length;
    expect(strongIn('Специалисты служб защиты растений из Армении приехали.', 'protection-human-rights')).toBe(0);
    expect(strongIn('Граждане гражданского общества собрались.', 'protection-human-rights')).toBe(0);
    expect(strongIn('Вода поступает из реки.', 'transboundary-water-energy')).toBe(0);
    // the specific phrases stay strong
    expect(strongIn('Обсуждалась защита гражданского населения и права человека.', 'protection-human-rights')).toBeGreaterThan(0);
    expect(strongIn('Бассейны трансграничных рек общие.', 'transboundary-water-energy')).toBeGreaterThan(0);
  });

  it('does not read English words through French prefixes (Tuesday, eleven, filled, scrutiny) nor Bridgetown as a bridge', () => {
    const themesOf = (text: string) => findConcepts(tokenize(text), 0).map((h) => CONCEPTS[h.concept]!.theme);
    expect(themesOf('On Tuesday eleven forms were filled after scrutiny in Bridgetown.')).toEqual([]);
    expect(themesOf('Deux civils tués, des élèves et des filles; le scrutin.')).toEqual(['protection-human-rights', 'education', 'gender', 'elections-governance']);
  });

  it('does not read the Ganges as gangs', () => {
    expect(themesIn('Bangladesh and India discussed the sharing of the Ganges waters.')).not.toContain('safety-security');
    expect(themesIn('Gang violence displaced thousands in Port-au-Prince.')).toContain('safety-security');
  });

  it('still finds the intended words', () => {
    expect(themesIn('A contribution of 5 million euros was announced.')).toContain('contributions');
    expect(themesIn('The Aral Sea basin is shrinking.')).toContain('transboundary-water-energy');
    expect(themesIn('Помощь получили беременные женщины и матери.')).toContain('gender');
  });
});

describe('theme selection', () => {
  const always = (): boolean => true;
  it('keeps the best theme, at most 4, and applies each theme its own threshold', () => {
    const probs = THEME_IDS.map(() => 0.05);
    probs[0] = 0.9;
    probs[1] = 0.3;
    probs[2] = 0.3;
    const m = { threshold: 0.2, relative: 0.1, thresholds: THEME_IDS.map((_, t) => (t === 2 ? 0.5 : 0.2)) };
    expect(selectThemes(probs, m, always)).toEqual([0, 1]);
    expect(selectThemes(probs, { threshold: 0.2, relative: 0.1 }, always)).toEqual([0, 1, 2]);
    expect(selectThemes(THEME_IDS.map(() => 0.9), { threshold: 0.2, relative: 0.1 }, always)).toHaveLength(4);
    expect(selectThemes(probs, m, (t) => t !== 0)).toEqual([1]);
  });

  it('keeps fewer secondary themes when one of peace and security leads (peaceRelative)', () => {
    const at = (id: string) => THEME_IDS.indexOf(id as (typeof THEME_IDS)[number]);
    const probs = THEME_IDS.map(() => 0.01);
    probs[at('border-management')] = 0.8;
    probs[at('drugs-organized-crime')] = 0.5;
    probs[at('health')] = 0.3;
    const m = { threshold: 0.1, relative: 0.1, peaceRelative: 0.5 };
    // border management leads: health (0.3 < 0.5 × 0.8) goes, drugs (0.5 ≥ 0.4) stays
    expect(selectThemes(probs, m, always)).toEqual([at('border-management'), at('drugs-organized-crime')]);
    // without the setting, or when a humanitarian theme leads, the model's own relative applies
    expect(selectThemes(probs, { threshold: 0.1, relative: 0.1 }, always)).toHaveLength(3);
    const humanitarian = [...probs];
    humanitarian[at('wash')] = 0.9;
    expect(selectThemes(humanitarian, m, always)).toEqual([at('wash'), at('border-management'), at('drugs-organized-crime'), at('health')]);
    // the shipped model carries it
    expect(getThemeModel().peaceRelative).toBeGreaterThan(getThemeModel().relative);
  });

  it('ships per-theme thresholds learned by scripts/train-themes.ts', () => {
    const m = getThemeModel();
    expect(m.thresholds).toHaveLength(THEME_IDS.length);
    for (const t of m.thresholds!) {
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThan(1);
    }
  });
});

describe('theme evidence', () => {
  const corpusDir = process.env.HERALD_CORPUS_DIR ?? path.resolve(__dirname, '../../../shared/corpus');
  const reports = readFileSync(path.join(corpusDir, 'un-reports-dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { title: string; body: string; dateline?: string; language?: string });

  it("quotes either the theme's own vocabulary or, when it has none to show, words of other themes, never a mix", () => {
    let mixedAvoided = 0;
    for (const r of reports) {
      const text = documentText(r);
      const hits = findConcepts(tokenize(text), documentLayout(r).titleEnd);
      const themesAt = new Map<number, Set<string>>();
      for (const h of hits) {
        const set = themesAt.get(h.start) ?? new Set<string>();
        set.add(CONCEPTS[h.concept]!.theme);
        themesAt.set(h.start, set);
      }
      for (const t of classify(r).themes) {
        const own = (start: number): boolean => themesAt.get(start)?.has(t.id) ?? false;
        expect(t.evidence.length).toBeGreaterThan(0);
        if (t.evidence.some((e) => own(e.start))) {
          for (const e of t.evidence) expect(own(e.start)).toBe(true);
          mixedAvoided++;
        }
      }
    }
    expect(mixedAvoided).toBeGreaterThan(reports.length);
  });
});

describe('the re-scoring step', () => {
  // three memory reports over four concepts: 0 and 1 carry theme 0, 2 carries theme 1
  const memory: ThemeNeighbours = {
    k: 2,
    idf: Float64Array.from([1, 1, 1, 1]),
    start: Int32Array.from([0, 1, 2, 4]),
    concept: Int32Array.from([0, 0, 2, 3]),
    weight: Float32Array.from([1, 1, Math.SQRT1_2, Math.SQRT1_2]),
    labels: Uint32Array.from([0b01, 0b01, 0b10]),
  };

  it('votes with the k most similar reports, weighted by similarity', () => {
    expect(Array.from(neighbourVotes([1, 0, 0, 0], memory, 2))).toEqual([1, 0]);
    const votes = neighbourVotes([0, 0, 1, 1], memory, 2);
    expect(votes[1]).toBeCloseTo(1);
    expect(votes[0]).toBe(0);
    // similar to reports 0/1 (theme 0) and to report 2 (theme 1): k = 2 keeps the two best
    const mixed = neighbourVotes([1, 0, 1, 1], memory, 2);
    expect(mixed[0]! + mixed[1]!).toBeCloseTo(1);
    expect(mixed[0]).toBeGreaterThan(0);
  });

  it('gives no vote to a report sharing no concept with the memory', () => {
    expect(Array.from(neighbourVotes([0, 1, 0, 0], memory, 2))).toEqual([0, 0]);
  });

  it('re-scores supported themes only; a theme without evidence keeps its probability and is never selected', () => {
    const identity = [1, 0, 0, 0, 0, 0, 0]; // logit weight 1, bias 0: the probability itself
    expect(identity).toHaveLength(RESCORE_FEATURES.length + 1);
    const probs = [0.7, 0.2, 0.9];
    const supported = [true, true, false];
    const out = rescore(probs, [0, 1, 1], supported, identity);
    expect(out[0]).toBeCloseTo(0.7);
    expect(out[1]).toBeCloseTo(0.2);
    expect(out[2]).toBe(0.9);
    // a large neighbour weight lifts the theme its neighbours carry
    const byVote = rescore(probs, [0, 1, 1], supported, [0, 0, 0, 0, 0, 5, -2]);
    expect(byVote[1]!).toBeGreaterThan(byVote[0]!);
    const chosen = selectThemes(byVote, { threshold: 0.1, relative: 0 }, (t) => supported[t]!);
    expect(chosen).not.toContain(2);
    expect(chosen[0]).toBe(1);
  });
});

describe('the primary theme', () => {
  const report = (title: string, body: string) => {
    const text = documentText({ title, body });
    return { text, tokens: tokenize(text), titleEnd: documentLayout({ title, body }).titleEnd };
  };
  const primaryWith = (primaryPrior: number[] | undefined, title: string, body: string, hints?: ThemeHints) => {
    setThemeModel({ ...priorModel(), threshold: 0.01, relative: 0, primaryPrior });
    try {
      const r = report(title, body);
      return scoreThemes(r.text, r.tokens, r.titleEnd, hints).primary;
    } finally {
      setThemeModel(undefined);
    }
  };
  const border = THEME_IDS.indexOf('border-management');
  const drugs = THEME_IDS.indexOf('drugs-organized-crime');

  it('counts how often each theme leads the reports that carry it, smoothed', () => {
    const labelled = [
      { themes: ['mine-action', 'wash'], primaryTheme: 'mine-action' },
      { themes: ['mine-action', 'wash'], primaryTheme: 'mine-action' },
      { themes: ['wash', 'health'], primaryTheme: 'health' },
    ];
    const prior = primaryPropensity(labelled);
    const at = (t: string) => prior[THEME_IDS.indexOf(t as never)]!;
    expect(at('mine-action')).toBeCloseTo(Math.log((2 + 1.2) / (2 + 3)), 3);
    expect(at('wash')).toBeCloseTo(Math.log(1.2 / (3 + 3)), 3);
    // a theme no report carries sits at the overall share
    expect(at('gender')).toBeCloseTo(Math.log(0.4), 3);
    expect(at('mine-action')).toBeGreaterThan(at('wash'));
  });

  it('ships a primary prior per theme, learned with the model', () => {
    const m = getThemeModel();
    expect(m.primaryPrior).toHaveLength(THEME_IDS.length);
    for (const v of m.primaryPrior!) expect(v).toBeLessThan(0);
  });

  it('makes a headline announcing a country\'s gift of money primarily about the contribution', () => {
    const favourWash = THEME_IDS.map((t) => (t === 'wash' ? -0.1 : -3));
    const body = 'The contribution will fund drinking water, latrines and hygiene kits for 200,000 people in camps for displaced families, where cholera cases are rising.';
    const donorIn = (title: string) => {
      const input = { title, body };
      const text = documentText(input);
      return analysePlaces(text, tokenize(text), documentLayout(input)).donorInTitle;
    };
    const gifts = ['Norway contributes US$4 million to UNICEF for safe water in Yemen', "La Norvège alloue 4 millions d'euros à l'UNICEF pour l'eau potable au Yémen"];
    for (const title of gifts) {
      expect(donorIn(title)).toBe(true);
      // the country gives: contributions leads whatever the money pays for
      expect(primaryWith(favourWash, title, body, { donorInTitle: true })).toBe('contributions');
    }
    // no money named in the title, or no country giving in it: what the money pays for may lead
    expect(primaryWith(favourWash, 'Norway supports safe water in Yemen', body, { donorInTitle: true })).toBe('wash');
    expect(donorIn('UN releases US$4 million for safe water in Yemen')).toBe(false);
    expect(primaryWith(favourWash, 'UN releases US$4 million for safe water in Yemen', body, { donorInTitle: false })).toBe('wash');
  });

  it('lets the prior decide between themes the report supports equally', () => {
    const body = 'Customs officers discussed border crossings and drug trafficking.';
    const favour = (t: number) => THEME_IDS.map((_, i) => (i === t ? -0.1 : -3));
    expect(primaryWith(favour(border), 'Meeting in Termez', body)).toBe('border-management');
    expect(primaryWith(favour(drugs), 'Meeting in Termez', body)).toBe('drugs-organized-crime');
  });

  it('reads the title for what happened, not for who speaks: organisation names are not title evidence', () => {
    const body = 'Drug trafficking and drug seizures were discussed at the border crossing.';
    // the body leans to drugs, the title's topic to the border …
    expect(primaryWith(undefined, 'Meeting in Termez', body)).toBe('drugs-organized-crime');
    expect(primaryWith(undefined, 'Border crossing reopens', body)).toBe('border-management');
    // … and the drug-control office named in the title does not take it back
    expect(primaryWith(undefined, 'UNODC: border crossing reopens', body)).toBe('border-management');
    const hits = findConcepts(tokenize('UNODC border'), 12);
    expect(hits.map((h) => isOrganisationName(h))).toEqual([true, false]);
  });

  it('lets the learned ranker choose among the kept themes, from the report\'s own features', () => {
    const title = 'Meeting in Termez';
    const body = 'Customs officers discussed border crossings and drug trafficking.';
    const r = report(title, body);
    const x = conceptFeatures(findConcepts(r.tokens, r.titleEnd), featureIds().length);
    const drugsFeature = featureIds().findIndex((id, f) => x[f] !== 0 && id.startsWith('drugs-organized-crime:'));
    expect(drugsFeature).toBeGreaterThanOrEqual(0);
    const withRanker = (weightOnDrugsFeature: number) => {
      const weights = THEME_IDS.map((_, t) => {
        const w = new Float64Array(featureIds().length);
        // the border theme learns that this drugs word means the report is about the border
        if (t === border) w[drugsFeature] = weightOnDrugsFeature;
        return w;
      });
      const favourDrugs = THEME_IDS.map((_, i) => (i === drugs ? -0.1 : -3));
      setThemeModel({ ...priorModel(), threshold: 0.01, relative: 0, primaryPrior: favourDrugs, primaryRanker: { mix: [1, 0, 0, 0], weights } });
      try {
        return scoreThemes(r.text, r.tokens, r.titleEnd);
      } finally {
        setThemeModel(undefined);
      }
    };
    // with nothing learned beyond the hand-made score, the ranker agrees with it …
    expect(withRanker(0).primary).toBe('drugs-organized-crime');
    expect(primaryWith(THEME_IDS.map((_, i) => (i === drugs ? -0.1 : -3)), title, body)).toBe('drugs-organized-crime');
    // … and its per-theme weights over the report's features can overrule it; the kept themes stay the same
    const ruled = withRanker(50);
    expect(ruled.primary).toBe('border-management');
    expect(ruled.themes.map((t) => t.id).sort()).toEqual(withRanker(0).themes.map((t) => t.id).sort());
  });

  it('gives the ranker each kept theme\'s share of the lead\'s evidence, the title left out', () => {
    setThemeModel({ ...priorModel(), threshold: 0.01, relative: 0 });
    try {
      const m = getThemeModel();
      const r = report('Drug seizures on the border', 'Customs officers discussed border crossings and border guards. Drug trafficking was also raised.');
      const hits = findConcepts(r.tokens, r.titleEnd);
      const x = conceptFeatures(hits, featureIds().length);
      const probs = themeProbabilities(x, m);
      const chosen = [border, drugs];
      const f = primaryFeatures(hits, probs, probs, chosen, m, r.titleEnd);
      expect(f).toHaveLength(2);
      for (const row of f) expect(row).toHaveLength(PRIMARY_FEATURES.length);
      const lead = PRIMARY_FEATURES.indexOf('leadShare');
      expect(f[0]![lead]! + f[1]![lead]!).toBeCloseTo(1, 9);
      // the lead speaks of the border three times, of drugs once; the title's "Drug" is not the lead
      expect(f[0]![lead]!).toBeGreaterThan(f[1]![lead]!);
      const titleOnly = report('Drug seizures', 'Customs officers discussed border crossings.');
      const th = findConcepts(titleOnly.tokens, titleOnly.titleEnd);
      const tf = primaryFeatures(th, probs, probs, chosen, m, titleOnly.titleEnd);
      expect(tf[1]![lead]).toBe(0);
    } finally {
      setThemeModel(undefined);
    }
  });

  it('ships a primary-theme ranker learned with the model', () => {
    const ranker = getThemeModel().primaryRanker;
    expect(ranker?.mix).toHaveLength(PRIMARY_FEATURES.length);
    expect(ranker!.weights).toHaveLength(THEME_IDS.length);
    for (const w of ranker!.weights) expect(w.length).toBe(featureIds().length);
    expect(ranker!.weights.some((w) => Array.from(w).some((v) => v !== 0))).toBe(true);
  });

  it('knows every organisation name as a lexicon pattern', () => {
    const patterns = new Set(featureIds().map((id) => id.slice(id.indexOf('|') + 1)));
    for (const raw of ORGANISATION_NAMES) {
      const words = raw.split(/[\s\-'’/,]+/).filter(Boolean).map((w) => normalizeToken(w)).join(' ');
      expect(patterns.has(words), raw).toBe(true);
    }
  });
});
