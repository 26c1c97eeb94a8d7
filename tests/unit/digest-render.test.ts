import { describe, expect, it } from 'vitest';
import type { ReportView } from '../../shared/domain/email';
import { groupDigest, renderDigestEmail } from '../../shared/digest/render';

const links = { unsubscribeUrl: 'https://herald.example/unsubscribe?token=abc' };
const view = (id: string, over: Partial<ReportView>): ReportView => ({
  id,
  title: `Title ${id}`,
  body: `Body of ${id}`,
  published: '2026-11-26T10:00:00.000Z',
  countries: [],
  regions: [],
  themes: [],
  ...over,
});
const reports = new Map([
  ['tj1', view('tj1', { primaryCountry: 'TJK', countries: ['TJK'], regions: ['143', '142'], primaryTheme: 'border-management', themes: ['border-management'], url: 'https://un.example/tj1' })],
  ['tj2', view('tj2', { countries: ['TJK', 'AFG'], regions: ['143', '034', '142'], themes: ['health'], published: '2026-11-26T12:00:00.000Z', title: 'Evil <script>alert(1)</script>\r\nBcc: x@y', body: 'x <img src=x onerror=alert(1)> & "q"' })],
  ['ke', view('ke', { primaryCountry: 'KEN', countries: ['KEN'], regions: ['014', '202', '002'], themes: ['health'] })],
  ['none', view('none', {})],
]);
const job = {
  items: [
    { reportId: 'tj1', matchedRuleIds: ['a', 'b'] },
    { reportId: 'ke', matchedRuleIds: ['b'] },
    { reportId: 'tj2', matchedRuleIds: ['a'], overflow: true as const },
    { reportId: 'tj2', matchedRuleIds: ['a'] },
    { reportId: 'none', matchedRuleIds: ['b'] },
    { reportId: 'deleted', matchedRuleIds: ['a'] },
  ],
  rules: [
    { ruleId: 'a', regions: ['143'], themes: [], frequency: 'daily' as const },
    { ruleId: 'b', regions: [], themes: ['health', 'border-management'], frequency: 'daily' as const },
  ],
};

describe('digest email', () => {
  it('groups by region then theme, each report once, and reports missing ones', () => {
    const { groups, missing } = groupDigest(job, reports);
    expect(missing).toEqual(['deleted']);
    expect(groups.map((g) => [g.region, g.themes.map((t) => [t.theme, t.entries.map((e) => e.report.id)])])).toEqual([
      ['Central Asia', [['Border Security and Management', ['tj1']], ['Health', ['tj2']]]],
      ['Eastern Africa', [['Health', ['ke']]]],
      ['Other and global', [['Other', ['none']]]],
    ]);
    expect(groups[0]!.themes[0]!.entries[0]!.why.map((w) => w.regions)).toEqual([['143'], []]);
  });

  it('escapes report content, says why each report is included, carries one-click unsubscribe headers', () => {
    const { groups } = groupDigest(job, (id) => reports.get(id));
    const email = renderDigestEmail({ to: 'a@example.org', frequency: 'daily', periodLabel: '27 November 2026', groups, links })!;
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).toContain('&amp; &quot;q&quot;');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe('Herald daily digest, 27 November 2026: 4 reports');
    expect(email.html).toContain('Why included');
    expect(email.html).toContain('Central Asia · all themes · daily');
    expect(email.html).toContain('held back from instant alerts');
    expect(email.html).toContain('href="https://un.example/tj1"');
    expect(email.text).toContain('== Central Asia ==');
    expect(email.text).toContain('Why included: matches "Central Asia · all themes · daily"; "all regions · Health, Border Security and Management · daily".');
    expect(email.text.match(/Title tj1/g)).toHaveLength(1);
    expect(email.headers).toEqual([
      { name: 'List-Unsubscribe', value: `<${links.unsubscribeUrl}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('never renders an empty digest', () => {
    expect(renderDigestEmail({ to: 'a@example.org', frequency: 'weekly', periodLabel: 'x', groups: [], links })).toBeUndefined();
    const { groups } = groupDigest({ items: [{ reportId: 'deleted', matchedRuleIds: [] }], rules: [] }, reports);
    expect(renderDigestEmail({ to: 'a@example.org', frequency: 'weekly', periodLabel: 'x', groups, links })).toBeUndefined();
  });
});
