import { describe, expect, it } from 'vitest';
import { createDigestScheduler, digestPeriod, isoWeek, localParts, zonedInstant } from '../../shared/digest/schedule';

const at = (iso: string) => new Date(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('digest schedule', () => {
  it('is due at the default 08:00 local, daily, with a stable key and a one-day window', () => {
    // Dushanbe is UTC+5: 08:00 local is 03:00 UTC.
    expect(digestPeriod(at('2026-11-27T02:00:00Z'), { frequency: 'daily', timezone: 'Asia/Dushanbe' })).toBeUndefined();
    const p = digestPeriod(at('2026-11-27T03:00:00Z'), { frequency: 'daily', timezone: 'Asia/Dushanbe' });
    expect(p).toMatchObject({ periodKey: 'daily:2026-11-27', localDate: '2026-11-27', window: { from: '2026-11-26T03:00:00.000Z', to: '2026-11-27T03:00:00.000Z' } });
    expect(digestPeriod(at('2026-11-27T04:00:00Z'), { frequency: 'daily', timezone: 'Asia/Dushanbe' })).toBeUndefined();
  });

  it('uses the local calendar date, not the UTC one', () => {
    // 08:00 on 28 November in Auckland (UTC+13) is 19:00 UTC on 27 November.
    expect(digestPeriod(at('2026-11-27T19:00:00Z'), { frequency: 'daily', timezone: 'Pacific/Auckland' })?.periodKey).toBe('daily:2026-11-28');
  });

  it('is still due when the run fires late in the hour, and not twice', () => {
    const s = { frequency: 'daily' as const, timezone: 'Europe/Berlin', digestHour: 8 };
    expect(digestPeriod(at('2026-11-27T07:20:00Z'), s)?.periodKey).toBe('daily:2026-11-27');
    expect(digestPeriod(at('2026-11-27T08:00:00Z'), s)).toBeUndefined();
    // A retried run computes the same period (window included).
    expect(digestPeriod(at('2026-11-27T07:20:00Z'), s)).toEqual(digestPeriod(at('2026-11-27T07:00:00Z'), s));
  });

  it('hits exactly one hourly run in zones with half- and quarter-hour offsets', () => {
    for (const timezone of ['Asia/Kathmandu', 'Asia/Kolkata', 'America/St_Johns', 'Australia/Adelaide']) {
      let due = 0;
      for (let h = 0; h < 48; h++) if (digestPeriod(new Date(Date.UTC(2026, 10, 26, h)), { frequency: 'daily', timezone })) due++;
      expect(due, timezone).toBe(2);
    }
  });

  it('handles DST: one run a day across the change, gap hours move to the end of the gap', () => {
    for (const [timezone, day] of [['Europe/Berlin', 29], ['America/New_York', 8]] as const) {
      for (const digestHour of [2, 8]) {
        const dues: string[] = [];
        for (let h = 0; h < 24 * 4; h++) {
          const p = digestPeriod(new Date(Date.UTC(2026, 2, day - 2, h)), { frequency: 'daily', timezone, digestHour });
          if (p) dues.push(p.periodKey);
        }
        expect(dues.length, `${timezone} ${digestHour}`).toBe(new Set(dues).size);
        expect(dues.length).toBeGreaterThanOrEqual(3);
      }
    }
    // 02:00 does not exist in Berlin on 29 March 2026: the digest goes at 03:00 CEST (01:00 UTC).
    expect(iso(zonedInstant(2026, 3, 29, 2, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    // 02:00 occurs twice on 25 October 2026: the first one (00:00 UTC).
    expect(iso(zonedInstant(2026, 10, 25, 2, 'Europe/Berlin'))).toBe('2026-10-25T00:00:00.000Z');
    // On a 23-hour day the default window is 23 hours: windows stay contiguous.
    const p = digestPeriod(at('2026-03-29T06:00:00Z'), { frequency: 'daily', timezone: 'Europe/Berlin' });
    expect(p?.window).toEqual({ from: '2026-03-28T07:00:00.000Z', to: '2026-03-29T06:00:00.000Z' });
  });

  it('sends weekly digests on the chosen day (Monday by default) keyed by ISO week', () => {
    // 30 November 2026 is a Monday.
    const monday = digestPeriod(at('2026-11-30T07:00:00Z'), { frequency: 'weekly', timezone: 'Europe/Berlin' });
    expect(monday).toMatchObject({ periodKey: 'weekly:2026-W49', window: { from: '2026-11-23T07:00:00.000Z', to: '2026-11-30T07:00:00.000Z' } });
    expect(digestPeriod(at('2026-11-27T07:00:00Z'), { frequency: 'weekly', timezone: 'Europe/Berlin' })).toBeUndefined();
    expect(digestPeriod(at('2026-11-27T07:00:00Z'), { frequency: 'weekly', timezone: 'Europe/Berlin', weeklyDay: 'friday' })?.periodKey).toBe('weekly:2026-W48');
    expect(isoWeek(2027, 1, 1)).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(2024, 12, 30)).toEqual({ year: 2025, week: 1 });
  });

  it('starts the window at the last digest, skips a period already delivered, caps long gaps', () => {
    const s = { frequency: 'daily' as const, timezone: 'UTC' };
    const run = at('2026-11-27T08:00:00Z');
    expect(digestPeriod(run, { ...s, lastDigestAt: '2026-11-25T08:00:00.000Z' })?.window.from).toBe('2026-11-25T08:00:00.000Z');
    expect(digestPeriod(run, { ...s, lastDigestAt: '2026-11-27T08:00:00.000Z' })).toBeUndefined();
    expect(digestPeriod(run, { ...s, lastDigestAt: '2026-01-01T08:00:00.000Z' })?.window.from).toBe('2026-11-20T08:00:00.000Z');
  });

  it('gives one period object to every subscriber of a schedule whose last digest ended where the window starts', () => {
    const schedule = createDigestScheduler(at('2026-11-27T08:00:00Z'));
    const s = { frequency: 'daily' as const, timezone: 'UTC' };
    const fresh = schedule(s);
    expect(fresh?.window).toEqual({ from: '2026-11-26T08:00:00.000Z', to: '2026-11-27T08:00:00.000Z' });
    // The same instant as stored by the sender (another string), as a Date, or unparsable: the default window.
    expect(schedule({ ...s, lastDigestAt: ['2026-11-26T08:00:00', '.000Z'].join('') })).toBe(fresh);
    expect(schedule({ ...s, lastDigestAt: new Date('2026-11-26T08:00:00Z') })).toEqual(fresh);
    expect(schedule({ ...s, lastDigestAt: 'not a date' })).toBe(fresh);
    // Another last digest: its own window, made once per distinct value; delivered already: not due, every time.
    const older = schedule({ ...s, lastDigestAt: '2026-11-24T08:00:00.000Z' });
    expect(older?.window.from).toBe('2026-11-24T08:00:00.000Z');
    expect(older?.periodKey).toBe(fresh?.periodKey);
    expect(schedule({ ...s, lastDigestAt: '2026-11-24T08:00:00.000Z' })).toBe(older);
    for (let i = 0; i < 2; i++) expect(schedule({ ...s, lastDigestAt: '2026-11-27T08:00:00.000Z' })).toBeUndefined();
    // The same answers as a scheduler that has seen nothing before.
    for (const lastDigestAt of ['2026-11-26T08:00:00.000Z', '2026-11-24T08:00:00.000Z', '2026-11-27T08:00:00.000Z', '2026-01-01T08:00:00.000Z']) {
      expect(schedule({ ...s, lastDigestAt })).toEqual(digestPeriod(at('2026-11-27T08:00:00Z'), { ...s, lastDigestAt }));
    }
  });

  it('treats an unknown zone as UTC and an invalid hour as the default', () => {
    const schedule = createDigestScheduler(at('2026-11-27T08:00:00Z'));
    expect(schedule({ frequency: 'daily', timezone: 'Mars/Olympus', digestHour: 99 })?.periodKey).toBe('daily:2026-11-27');
  });

  it('reads wall-clock fields exactly as Intl gives them, in every kind of zone, across a year', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/Sao_Paulo'];
    let checked = 0;
    for (const timeZone of zones) {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      // An odd step (just over 7 hours) visits every hour of the day and both sides of each DST change.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 25_200_007) {
        const want: Record<string, number> = {};
        for (const part of parts.formatToParts(t)) if (part.type !== 'literal') want[part.type] = Number(part.value);
        expect(localParts(t, timeZone)).toEqual({ year: want['year'], month: want['month'], day: want['day'], hour: want['hour']! % 24, minute: want['minute'], second: want['second'] });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('labels daily and weekly digests with the local date in words', () => {
    expect(digestPeriod(at('2026-11-27T19:00:00Z'), { frequency: 'daily', timezone: 'Pacific/Auckland' })?.label).toBe('28 November 2026');
    // Monday 30 November 2026, 08:00 in Berlin.
    expect(digestPeriod(at('2026-11-30T07:00:00Z'), { frequency: 'weekly', timezone: 'Europe/Berlin' })?.label).toBe('week to 30 November 2026');
  });
});
