import { describe, expect, it } from 'vitest';
import { deliveryTimeFieldsOf } from '../../shared/http/form';
import { DeliveryTimeSchema, matchSubscribers, ruleMatches, SubscribeInputSchema, type Rule } from '../../shared/domain/subscription';
import { expandRegions } from '../../shared/taxonomy/m49';

const seedTags = { regionKeys: expandRegions(['TJK', 'AFG'], []), themeIds: ['border-management', 'counter-terrorism'] };
const rule = (over: Partial<Rule>): Rule => ({ ruleId: 'r', subscriberId: 's', regions: [], themes: [], frequency: 'instant', ...over });

describe('rule matching', () => {
  it('covers every country of a subscribed M49 region', () => {
    expect(ruleMatches(rule({ regions: ['143'] }), seedTags)).toBe(true);
    expect(ruleMatches(rule({ regions: ['142'] }), seedTags)).toBe(true);
    expect(ruleMatches(rule({ regions: ['034'] }), seedTags)).toBe(true);
    expect(ruleMatches(rule({ regions: ['150'] }), seedTags)).toBe(false);
  });

  it('matches when any region and any theme match; empty lists match all', () => {
    expect(ruleMatches(rule({ regions: ['KGZ', 'TJK'], themes: ['health', 'border-management'] }), seedTags)).toBe(true);
    expect(ruleMatches(rule({ regions: ['TJK'], themes: ['health'] }), seedTags)).toBe(false);
    expect(ruleMatches(rule({}), seedTags)).toBe(true);
  });

  it('reaches a subscriber once however many rules match, keeping every matched rule', () => {
    const matches = matchSubscribers(seedTags, [
      rule({ ruleId: 'a', subscriberId: 's1', regions: ['143'] }),
      rule({ ruleId: 'b', subscriberId: 's1', themes: ['counter-terrorism'] }),
      rule({ ruleId: 'c', subscriberId: 's2', regions: ['150'] }),
      rule({ ruleId: 'd', subscriberId: 's3' }),
    ]);
    expect(matches.map((m) => [m.subscriberId, m.rules.map((r) => r.ruleId)])).toEqual([
      ['s1', ['a', 'b']],
      ['s3', ['d']],
    ]);
  });
});

describe('subscription input', () => {
  it('accepts countries and M49 areas, upper-casing codes', () => {
    const parsed = SubscribeInputSchema.parse({ email: ' Ana@Example.org ', regions: ['tjk', '143'], themes: ['border-management'], frequency: 'daily' });
    expect(parsed).toMatchObject({ email: 'Ana@Example.org', regions: ['TJK', '143'], frequency: 'daily' });
  });

  it('names the field and the problem for unknown codes and bad addresses', () => {
    const result = SubscribeInputSchema.safeParse({ email: 'not-an-address', regions: ['XXX'], themes: ['weather'], frequency: 'hourly' });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['email', 'regions.0', 'themes.0', 'frequency']));
  });

  it('takes a digest hour and weekly day, refusing impossible ones by name', () => {
    const base = { email: 'ana@example.org', frequency: 'weekly' };
    expect(SubscribeInputSchema.parse({ ...base, digestHour: 0, weeklyDay: 'sunday' })).toMatchObject({ digestHour: 0, weeklyDay: 'sunday' });
    for (const [field, value] of [['digestHour', 24], ['digestHour', -1], ['digestHour', 7.5], ['digestHour', '7'], ['weeklyDay', 'Sunday'], ['weeklyDay', 'funday']] as const) {
      const result = SubscribeInputSchema.safeParse({ ...base, [field]: value });
      expect(result.success, `${field}=${value}`).toBe(false);
      expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[field, expect.stringMatching(/whole hour from 0 to 23|must be one of monday/)]]);
    }
  });
});

describe('delivery time form', () => {
  const form = (fields: Record<string, string>) => ({ timezone: '', ...deliveryTimeFieldsOf(new URLSearchParams(fields)) });
  it('reads form strings: an hour as a number, empty fields as unchanged', () => {
    expect(DeliveryTimeSchema.parse(form({ timezone: 'Asia/Dushanbe', digestHour: '07', weeklyDay: 'friday' }))).toEqual({ timezone: 'Asia/Dushanbe', digestHour: 7, weeklyDay: 'friday' });
    expect(DeliveryTimeSchema.parse(form({ timezone: 'UTC', digestHour: '', weeklyDay: '' }))).toEqual({ timezone: 'UTC' });
    for (const digestHour of ['24', '7.5', 'noon', '-1', '123']) {
      const result = DeliveryTimeSchema.safeParse(form({ timezone: 'UTC', digestHour }));
      expect(result.error?.issues.map((i) => i.path.join('.')), digestHour).toEqual(['digestHour']);
    }
    expect(DeliveryTimeSchema.safeParse(form({ timezone: 'Mars/Olympus' })).error?.issues[0]?.path).toEqual(['timezone']);
    expect(DeliveryTimeSchema.safeParse(form({})).error?.issues[0]?.path).toEqual(['timezone']);
  });
});
