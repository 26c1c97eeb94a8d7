/**
 * Rendering the emails Herald sends: confirmation and instant alert. Pure; the mailer
 * adapter turns an OutboundEmail into an SES v2 SendEmail call.
 */
import { regionName } from '../taxonomy/m49';
import { themeName } from '../taxonomy/themes';
import { headerSafe, htmlTemplate, raw, type RawHtml } from './html';
import type { Report } from './report';
import type { Frequency } from './subscription';

/** One message, ready to send. */
export interface OutboundEmail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly headers: readonly { name: string; value: string }[];
}

/** The links every email to a subscriber carries. */
export interface SubscriberLinks {
  /** Opens the unsubscribe page (GET) and accepts the RFC 8058 one-click POST. */
  readonly unsubscribeUrl: string;
  /** Opens the preference centre (emails to confirmed subscribers). */
  readonly manageUrl?: string;
}

/** The footer links of an email, HTML. */
function footerLinks(links: SubscriberLinks): RawHtml {
  return htmlTemplate`${links.manageUrl ? htmlTemplate`<a href="${links.manageUrl}" style="color:#5b6470">Manage your subscription</a> · ` : ''}<a href="${links.unsubscribeUrl}" style="color:#5b6470">Unsubscribe from everything</a>`;
}

/** The footer links of an email, plain text. */
function footerText(links: SubscriberLinks): string[] {
  return [...(links.manageUrl ? [`Manage your subscription: ${links.manageUrl}`] : []), `Unsubscribe from everything: ${links.unsubscribeUrl}`];
}

/** The rule summary shown in emails ("why you got this"). */
export interface RuleSummary {
  readonly regions: readonly string[];
  readonly themes: readonly string[];
  readonly frequency: Frequency;
}

/** The report fields an email shows, alert or digest. */
export interface ReportView {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly published: string;
  readonly dateline?: string;
  readonly url?: string;
  readonly source?: string;
  readonly primaryCountry?: string | null;
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  readonly primaryTheme?: string | null;
  readonly themes: readonly string[];
}

/** A stored report as emails show it. */
export function reportView(report: Report): ReportView {
  const c = report.classification;
  return {
    id: report.id,
    title: report.title,
    body: report.body,
    published: report.published,
    dateline: report.dateline,
    url: report.url,
    source: report.source,
    primaryCountry: c.primaryCountry,
    countries: c.countries,
    regions: c.regions,
    primaryTheme: c.primaryTheme,
    themes: c.themes.map((t) => t.id),
  };
}

/** The report fields an alert shows: the view (its id optional), and the event's .ics link. */
export interface AlertReport extends Omit<ReportView, 'id'> {
  readonly id?: string;
  /** The event's .ics file (GET /reports/{id}/event.ics), when the report names event dates. */
  readonly calendarUrl?: string;
}

/** RFC 2369 / RFC 8058 headers for one-click unsubscribe. */
export function listUnsubscribeHeaders(links: SubscriberLinks): { name: string; value: string }[] {
  return [
    { name: 'List-Unsubscribe', value: `<${links.unsubscribeUrl}>` },
    { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
  ];
}

/** "Central Asia, Tajikistan · Border Security and Management · instant". */
export function describeRule(rule: RuleSummary): string {
  const regions = rule.regions.length ? rule.regions.map(regionName).join(', ') : 'all regions';
  const themes = rule.themes.length ? rule.themes.map(themeName).join(', ') : 'all themes';
  return `${regions} · ${themes} · ${rule.frequency}`;
}

/** A short plain excerpt of a body, cut at a word boundary. */
export function excerpt(body: string, maxChars = 400): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > maxChars * 0.6 ? lastSpace : maxChars).trimEnd()}…`;
}

/** A date as "20 October 2022" (UTC); the input itself when it is not a date. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The frame every Herald email shares: header, content, footer with the subscriber's links. */
export function emailLayout(preheader: string, content: RawHtml, footer: RawHtml): string {
  return htmlTemplate`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Herald</title></head>
<body style="margin:0;padding:0;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b">
<div style="display:none;max-height:0;overflow:hidden">${preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f8"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:6px">
<tr><td style="padding:20px 28px;border-bottom:3px solid #00468b;font-size:18px;font-weight:bold;color:#00468b">Herald</td></tr>
<tr><td style="padding:24px 28px;font-size:15px;line-height:1.5">${content}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e3e6ea;font-size:12px;line-height:1.5;color:#5b6470">${footer}</td></tr>
</table></td></tr></table>
</body></html>`.value;
}

function button(url: string, label: string): RawHtml {
  return htmlTemplate`<p style="margin:24px 0"><a href="${url}" style="background:#00468b;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${label}</a></p>`;
}

/** The double opt-in email: nothing else is sent until its link is followed. */
export function renderConfirmationEmail(opts: { to: string; confirmUrl: string; rule: RuleSummary; links: SubscriberLinks }): OutboundEmail {
  const ruleText = describeRule(opts.rule);
  const html = emailLayout(
    'Confirm your Herald subscription',
    htmlTemplate`<h1 style="font-size:20px;margin:0 0 12px">Please confirm your subscription</h1>
<p>Someone, hopefully you, asked Herald to send event-report alerts to this address for:</p>
<p style="background:#f0f4f8;padding:10px 14px;border-radius:4px">${ruleText}</p>
${button(opts.confirmUrl, 'Confirm subscription')}
<p>If you did not ask for this, ignore this email: you will receive nothing more.</p>`,
    htmlTemplate`You received this because this address was entered at Herald's subscription form. <a href="${opts.links.unsubscribeUrl}" style="color:#5b6470">Unsubscribe</a>`,
  );
  const text = [
    'Please confirm your Herald subscription',
    '',
    'Someone, hopefully you, asked Herald to send event-report alerts to this address for:',
    `  ${ruleText}`,
    '',
    `Confirm: ${opts.confirmUrl}`,
    '',
    'If you did not ask for this, ignore this email: you will receive nothing more.',
    '',
    `Unsubscribe: ${opts.links.unsubscribeUrl}`,
  ].join('\n');
  return { to: opts.to, subject: 'Confirm your Herald subscription', html, text, headers: listUnsubscribeHeaders(opts.links) };
}

/** An instant alert for one report, saying which rules matched. */
export function renderAlertEmail(opts: { to: string; report: AlertReport; matchedRules: readonly (RuleSummary & { unsubscribeUrl?: string })[]; links: SubscriberLinks }): OutboundEmail {
  const { report } = opts;
  const date = formatDate(report.published);
  const places = report.countries.length ? report.countries.map(regionName).join(', ') : report.regions.map(regionName).join(', ');
  const themes = report.themes.map(themeName).join(', ');
  const summary = excerpt(report.body);
  const why = opts.matchedRules.map(describeRule);
  const meta = [date, report.dateline, report.source].filter(Boolean).join(' · ');
  const html = emailLayout(
    summary.slice(0, 120),
    htmlTemplate`<p style="margin:0 0 6px;font-size:13px;color:#5b6470">${meta}</p>
<h1 style="font-size:20px;margin:0 0 12px">${report.title}</h1>
<p style="margin:0 0 12px;font-size:13px">${places ? htmlTemplate`<strong>Where:</strong> ${places}<br>` : ''}${themes ? htmlTemplate`<strong>Themes:</strong> ${themes}` : ''}</p>
<p>${summary}</p>
${report.url ? button(report.url, 'Read the full report') : raw('')}
${report.calendarUrl ? htmlTemplate`<p style="margin:0 0 16px;font-size:14px"><a href="${report.calendarUrl}" style="color:#00468b">Add the event to your calendar</a> (.ics)</p>` : raw('')}
<p style="font-size:13px;color:#5b6470"><strong>Why you got this:</strong> it matches your subscription ${why.map((w, i) => htmlTemplate`${i ? '; ' : ''}“${w}”`)}.${opts.matchedRules.map((r, i) =>
      r.unsubscribeUrl ? htmlTemplate` <a href="${r.unsubscribeUrl}" style="color:#5b6470">Stop alerts for “${why[i]}”</a>.` : '',
    )}</p>`,
    htmlTemplate`You receive this because you subscribed to Herald alerts. ${footerLinks(opts.links)}`,
  );
  const text = [
    report.title,
    meta,
    '',
    places ? `Where: ${places}` : '',
    themes ? `Themes: ${themes}` : '',
    '',
    summary,
    '',
    report.url ? `Read the full report: ${report.url}` : '',
    report.calendarUrl ? `Add the event to your calendar: ${report.calendarUrl}` : '',
    '',
    `Why you got this: it matches your subscription ${why.map((w) => `"${w}"`).join('; ')}.`,
    ...opts.matchedRules.flatMap((r, i) => (r.unsubscribeUrl ? [`Stop alerts for "${why[i]}": ${r.unsubscribeUrl}`] : [])),
    '',
    ...footerText(opts.links),
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
  return { to: opts.to, subject: headerSafe(`${report.title}`, 150), html, text, headers: listUnsubscribeHeaders(opts.links) };
}

/** A fresh link to the preference centre, asked for at `GET /manage`. */
export function renderManageLinkEmail(opts: { to: string; manageUrl: string; links: SubscriberLinks }): OutboundEmail {
  const html = emailLayout(
    'Your link to manage your Herald subscription',
    htmlTemplate`<h1 style="font-size:20px;margin:0 0 12px">Manage your Herald subscription</h1>
<p>Here is the link you asked for. It opens your preference centre, where you can change your rules, time zone and pauses, download or erase your data. It is valid for 7 days.</p>
${button(opts.manageUrl, 'Open my preference centre')}
<p>If you did not ask for this link, you can ignore this email: nothing has changed.</p>`,
    htmlTemplate`You receive this because someone asked for a link to manage this address's Herald subscription. <a href="${opts.links.unsubscribeUrl}" style="color:#5b6470">Unsubscribe from everything</a>`,
  );
  const text = [
    'Manage your Herald subscription',
    '',
    'Here is the link you asked for. It opens your preference centre, where you can change your rules, time zone and pauses, download or erase your data. It is valid for 7 days.',
    '',
    `Open my preference centre: ${opts.manageUrl}`,
    '',
    'If you did not ask for this link, you can ignore this email: nothing has changed.',
    '',
    `Unsubscribe from everything: ${opts.links.unsubscribeUrl}`,
  ].join('\n');
  return { to: opts.to, subject: 'Your link to manage your Herald subscription', html, text, headers: listUnsubscribeHeaders(opts.links) };
}
