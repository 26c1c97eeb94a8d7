/**
 * Rendering a digest email: reports grouped by region, then theme, each report once, each
 * with the rules that brought it in. Pure: the mailer adapter sends the OutboundEmail.
 * Every report string is untrusted and goes through htmlTemplate (escaping).
 */
import { describeRule, emailLayout as layout, excerpt, formatDate, listUnsubscribeHeaders, type OutboundEmail, type ReportView, type RuleSummary, type SubscriberLinks } from '../domain/email';
import { headerSafe, htmlTemplate, raw, type RawHtml } from '../domain/html';
import { ancestorsOf, areaByM49, regionName } from '../taxonomy/m49';
import { themeName } from '../taxonomy/themes';
import type { DigestItem, DigestRuleSummary } from './plan';
import type { DigestFrequency } from './schedule';

/** One report in a digest, with why it was included. */
export interface DigestEntry {
  readonly report: ReportView;
  readonly why: readonly RuleSummary[];
  /** Held back from instant alerts by the per-day cap. */
  readonly overflow?: boolean;
}

export interface DigestThemeGroup {
  readonly themeId: string | null;
  readonly theme: string;
  readonly entries: readonly DigestEntry[];
}

export interface DigestRegionGroup {
  readonly regionCode: string | null;
  readonly region: string;
  readonly themes: readonly DigestThemeGroup[];
}

const OTHER_REGION = 'Other and global';
const OTHER_THEME = 'Other';

/**
 * The area a report is filed under: the nearest M49 area of its primary country
 * (intermediate region or sub-region: "Central Asia", "Eastern Africa"), else the most
 * specific area it names.
 */
export function primaryRegion(report: Pick<ReportView, 'primaryCountry' | 'countries' | 'regions'>): { code: string | null; name: string } {
  const country = report.primaryCountry ?? report.countries[0];
  const nearest = country ? ancestorsOf(country)[0] : undefined;
  if (nearest) return { code: nearest, name: regionName(nearest) };
  const areas = report.regions
    .map((code) => areaByM49(code))
    .filter((a): a is NonNullable<typeof a> => a !== undefined && a.type > 0)
    .sort((a, b) => b.type - a.type || a.name.localeCompare(b.name));
  if (areas[0]) return { code: areas[0].code, name: areas[0].name };
  if (country) return { code: country, name: regionName(country) };
  return { code: null, name: OTHER_REGION };
}

/** The theme a report is filed under: its primary theme, else its first. */
export function primaryTheme(report: Pick<ReportView, 'primaryTheme' | 'themes'>): { id: string | null; name: string } {
  const id = report.primaryTheme ?? report.themes[0];
  return id ? { id, name: themeName(id) } : { id: null, name: OTHER_THEME };
}

/**
 * Groups a job's items for rendering: region, then theme, each report once (newest first
 * within a group). Items whose report cannot be found (deleted since planning) are
 * returned in `missing` and left out.
 */
export function groupDigest(
  job: { readonly items: readonly DigestItem[]; readonly rules: readonly DigestRuleSummary[] },
  reports: ReadonlyMap<string, ReportView> | ((reportId: string) => ReportView | undefined),
): { groups: DigestRegionGroup[]; missing: string[] } {
  const find = typeof reports === 'function' ? reports : (id: string) => reports.get(id);
  const rulesById = new Map(job.rules.map((r) => [r.ruleId, r]));
  const regions = new Map<string, { code: string | null; name: string; themes: Map<string, { id: string | null; name: string; entries: DigestEntry[] }> }>();
  const missing: string[] = [];
  const done = new Set<string>();
  for (const item of job.items) {
    if (done.has(item.reportId)) continue;
    done.add(item.reportId);
    const report = find(item.reportId);
    if (!report) {
      missing.push(item.reportId);
      continue;
    }
    const region = primaryRegion(report);
    const theme = primaryTheme(report);
    let r = regions.get(region.name);
    if (!r) regions.set(region.name, (r = { ...region, themes: new Map() }));
    let t = r.themes.get(theme.name);
    if (!t) r.themes.set(theme.name, (t = { ...theme, entries: [] }));
    const why = item.matchedRuleIds.map((id) => rulesById.get(id)).filter((x): x is DigestRuleSummary => x !== undefined);
    t.entries.push({ report, why, ...(item.overflow ? { overflow: true } : {}) });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
  const lastIf = (name: string) => (a: { name: string }, b: { name: string }) => Number(a.name === name) - Number(b.name === name) || byName(a, b);
  const groups = [...regions.values()].sort(lastIf(OTHER_REGION)).map((r) => ({
    regionCode: r.code,
    region: r.name,
    themes: [...r.themes.values()].sort(lastIf(OTHER_THEME)).map((t) => ({
      themeId: t.id,
      theme: t.name,
      entries: t.entries.sort((a, b) => Date.parse(b.report.published) - Date.parse(a.report.published)),
    })),
  }));
  return { groups, missing };
}


const EXCERPT_CHARS = 240;
const OVERFLOW_NOTE = 'held back from instant alerts by your daily limit';

function meta(report: ReportView): string {
  return [formatDate(report.published), report.dateline, report.source].filter(Boolean).join(' · ');
}

function whyText(entry: DigestEntry): string {
  const rules = entry.why.map((w) => `“${describeRule(w)}”`).join('; ');
  const parts = [rules ? `matches ${rules}` : '', entry.overflow ? OVERFLOW_NOTE : ''].filter(Boolean);
  return parts.join('; ');
}

function entryHtml(entry: DigestEntry): RawHtml {
  const r = entry.report;
  const title = r.url ? htmlTemplate`<a href="${r.url}" style="color:#00468b">${r.title}</a>` : htmlTemplate`${r.title}`;
  const why = whyText(entry);
  return htmlTemplate`<div style="margin:0 0 18px">
<p style="margin:0 0 2px;font-size:16px;font-weight:bold">${title}</p>
<p style="margin:0 0 6px;font-size:12px;color:#5b6470">${meta(r)}</p>
<p style="margin:0 0 6px">${excerpt(r.body, EXCERPT_CHARS)}</p>
${why ? htmlTemplate`<p style="margin:0;font-size:12px;color:#5b6470"><strong>Why included:</strong> ${why}.</p>` : raw('')}
</div>`;
}

/** Counts the reports of grouped entries. */
export function countEntries(groups: readonly DigestRegionGroup[]): number {
  return groups.reduce((n, g) => n + g.themes.reduce((m, t) => m + t.entries.length, 0), 0);
}

/**
 * A digest email, or undefined when there is nothing to send (an empty digest is never
 * rendered or sent).
 */
export function renderDigestEmail(opts: {
  to: string;
  frequency: DigestFrequency;
  periodLabel: string;
  groups: readonly DigestRegionGroup[];
  links: SubscriberLinks;
}): OutboundEmail | undefined {
  const count = countEntries(opts.groups);
  if (count === 0) return undefined;
  const kind = opts.frequency === 'weekly' ? 'weekly' : 'daily';
  const reportsWord = count === 1 ? '1 report' : `${count} reports`;
  const heading = `Your ${kind} Herald digest · ${opts.periodLabel}`;
  const regionNames = opts.groups.map((g) => g.region);
  const preheader = `${reportsWord}: ${regionNames.slice(0, 4).join(', ')}${regionNames.length > 4 ? '…' : ''}`;

  const html = layout(
    preheader,
    htmlTemplate`<h1 style="font-size:20px;margin:0 0 4px">${heading}</h1>
<p style="margin:0 0 20px;font-size:13px;color:#5b6470">${reportsWord} matching your subscriptions, by region and theme.</p>
${opts.groups.map(
  (g) => htmlTemplate`<h2 style="font-size:18px;margin:24px 0 8px;padding-bottom:4px;border-bottom:1px solid #e3e6ea;color:#00468b">${g.region}</h2>
${g.themes.map((t) => htmlTemplate`<h3 style="font-size:14px;margin:14px 0 8px;text-transform:uppercase;letter-spacing:.04em;color:#5b6470">${t.theme}</h3>
${t.entries.map(entryHtml)}`)}`,
)}`,
    htmlTemplate`You receive this ${kind} digest because you subscribed to Herald. ${opts.links.manageUrl ? htmlTemplate`<a href="${opts.links.manageUrl}" style="color:#5b6470">Change the delivery time or your rules</a> · ` : ''}<a href="${opts.links.unsubscribeUrl}" style="color:#5b6470">Unsubscribe</a>`,
  );

  const lines: string[] = [heading, `${reportsWord} matching your subscriptions, by region and theme.`, ''];
  for (const g of opts.groups) {
    lines.push(`== ${g.region} ==`, '');
    for (const t of g.themes) {
      lines.push(`-- ${t.theme} --`, '');
      for (const e of t.entries) {
        const why = whyText(e);
        lines.push(`* ${e.report.title}`, `  ${meta(e.report)}`, `  ${excerpt(e.report.body, EXCERPT_CHARS)}`);
        if (e.report.url) lines.push(`  ${e.report.url}`);
        if (why) lines.push(`  Why included: ${why.replace(/[“”]/g, '"')}.`);
        lines.push('');
      }
    }
  }
  if (opts.links.manageUrl) lines.push(`Manage your subscription (delivery time, rules, pause): ${opts.links.manageUrl}`);
  lines.push(`Unsubscribe: ${opts.links.unsubscribeUrl}`);

  return {
    to: opts.to,
    subject: headerSafe(`Herald ${kind} digest, ${opts.periodLabel}: ${reportsWord}`, 150),
    html,
    text: lines.join('\n'),
    headers: listUnsubscribeHeaders(opts.links),
  };
}
