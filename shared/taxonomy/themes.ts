/**
 * Herald's theme taxonomy, version 1 (see the team's TAXONOMY.md).
 * Ids are stable and used in tags and subscription filters; names may be translated.
 */
export const TAXONOMY_VERSION = 1;

/** One theme of the taxonomy. */
export interface Theme {
  readonly id: string;
  readonly name: string;
  readonly covers: string;
}

/** The 27 themes: 19 from ReliefWeb, 8 for the peace-and-security work of UN political missions. */
export const THEMES = [
  { id: 'agriculture', name: 'Agriculture', covers: 'farming, livestock, crops, rural livelihoods' },
  { id: 'climate-environment', name: 'Climate Change and Environment', covers: 'climate change, environmental degradation, pollution' },
  { id: 'contributions', name: 'Contributions', covers: 'pledges and donations of funds or goods' },
  { id: 'coordination', name: 'Coordination', covers: 'humanitarian coordination mechanisms, clusters, meetings of responders' },
  { id: 'disaster-management', name: 'Disaster Management', covers: 'preparedness, disaster risk reduction, response to natural hazards' },
  { id: 'education', name: 'Education', covers: 'schools, teachers, learning' },
  { id: 'food-nutrition', name: 'Food and Nutrition', covers: 'food security, hunger, malnutrition' },
  { id: 'gender', name: 'Gender', covers: "gender equality, women's rights, gender-based violence" },
  { id: 'health', name: 'Health', covers: 'health services, epidemics, medical care' },
  { id: 'hiv-aids', name: 'HIV/Aids', covers: 'HIV/AIDS' },
  { id: 'humanitarian-financing', name: 'Humanitarian Financing', covers: 'appeals, funding gaps, pooled funds' },
  { id: 'logistics-telecom', name: 'Logistics and Telecommunications', covers: 'transport of aid, supply chains, emergency telecoms' },
  { id: 'mine-action', name: 'Mine Action', covers: 'landmines, explosive remnants of war, clearance' },
  { id: 'peacekeeping-peacebuilding', name: 'Peacekeeping and Peacebuilding', covers: 'peace operations, peace processes, peacebuilding' },
  { id: 'protection-human-rights', name: 'Protection and Human Rights', covers: "human rights, humanitarian law, protection of civilians, refugees' rights" },
  { id: 'recovery-reconstruction', name: 'Recovery and Reconstruction', covers: 'rebuilding after crises' },
  { id: 'safety-security', name: 'Safety and Security', covers: 'insecurity, attacks, security incidents, safety of personnel' },
  { id: 'shelter-nfi', name: 'Shelter and Non-Food Items', covers: 'shelter, household items' },
  { id: 'wash', name: 'Water Sanitation Hygiene', covers: 'drinking water, sanitation, hygiene' },
  { id: 'border-management', name: 'Border Security and Management', covers: 'border control, customs, cross-border movement of people and goods' },
  { id: 'counter-terrorism', name: 'Counter-Terrorism and Preventing Violent Extremism', covers: 'terrorism, violent extremism, radicalisation, foreign terrorist fighters' },
  { id: 'preventive-diplomacy', name: 'Preventive Diplomacy and Mediation', covers: 'conflict prevention, mediation, dialogue, early warning, confidence building' },
  { id: 'drugs-organized-crime', name: 'Drugs and Organized Crime', covers: 'drug trafficking, organised crime, human trafficking, money laundering' },
  { id: 'arms-control', name: 'Arms Control and Disarmament', covers: 'disarmament, small arms, non-proliferation' },
  { id: 'elections-governance', name: 'Elections and Governance', covers: 'elections, governance, rule-of-law institutions, anti-corruption' },
  { id: 'transboundary-water-energy', name: 'Transboundary Water and Energy', covers: 'shared rivers and basins, hydropower, energy cooperation, the Aral Sea' },
  { id: 'regional-cooperation', name: 'Regional Cooperation and Connectivity', covers: 'regional economic cooperation, trade, transport links' },
] as const satisfies readonly Theme[];

/** A theme id of the taxonomy. */
export type ThemeId = (typeof THEMES)[number]['id'];

/** Every theme id, in taxonomy order. */
export const THEME_IDS: readonly ThemeId[] = THEMES.map((t) => t.id);

/** The 8 themes of the peace-and-security work of UN political missions (the others are ReliefWeb's 19). */
export const PEACE_AND_SECURITY_THEMES: ReadonlySet<ThemeId> = new Set<ThemeId>(['border-management', 'counter-terrorism', 'preventive-diplomacy', 'drugs-organized-crime',
  'arms-control', 'elections-governance', 'transboundary-water-energy', 'regional-cooperation']);

const themeById = new Map<string, Theme>(THEMES.map((t) => [t.id, t]));

/** True when `id` is a theme id of the taxonomy. */
export function isThemeId(id: string): id is ThemeId {
  return themeById.has(id);
}

/** The display name of a theme id, or the id itself when unknown. */
export function themeName(id: string): string {
  return themeById.get(id)?.name ?? id;
}
