/**
 * Every kind of email Herald sends, built as the MIME message SES sends (nodemailer's
 * MailComposer: multipart/alternative text + HTML, our List-Unsubscribe headers) and
 * scored by SpamAssassin with local tests only (`spamassassin -t -L`, no network). Each
 * must score below 2.0. SpamAssassin must be installed (Debian `spamassassin`; .ci/run
 * installs it): without it this test fails rather than skips. Reports are kept in
 * test-artifacts/spamassassin/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { classify } from '../../shared/classify';
import { renderAlertEmail, renderConfirmationEmail, renderManageLinkEmail, type OutboundEmail } from '../../shared/domain/email';
import { headerSafe } from '../../shared/domain/html';
import { confirmUrl, manageUrl, unsubscribeUrl } from '../../shared/domain/links';

const require = createRequire(import.meta.url);
const MailComposer = require('nodemailer/lib/mail-composer') as new (mail: Record<string, unknown>) => { compile(): { build(): Promise<Buffer> } };

const ARTIFACTS = new URL('../../test-artifacts/spamassassin/', import.meta.url);
const KEYS = ['k'.repeat(40)];
const BASE = 'https://alerts.herald.example';
const FROM = 'Herald alerts <alerts@herald.example>';
const TO = 'analyst@example.org';
const NOW = new Date('2026-11-02T09:00:00Z');
const LIMIT = 2.0;

const seed = JSON.parse(readFileSync(new URL('../../../shared/corpus/seed.json', import.meta.url), 'utf8')) as Record<string, string>;

/** The MIME message SES builds from a SendEmail call with Simple content and Headers. */
async function mime(email: OutboundEmail): Promise<Buffer> {
  const headers = Object.fromEntries(email.headers.map((h) => [h.name, headerSafe(h.value, 900)]));
  return new MailComposer({ from: FROM, to: email.to, subject: headerSafe(email.subject, 200), text: email.text, html: email.html, headers, date: NOW, messageId: `<${Date.now()}.${Math.random().toString(36).slice(2)}@email.amazonses.com>` })
    .compile()
    .build();
}

/** SpamAssassin's score and report for a message (local tests only). */
function spamAssassin(message: Buffer): { score: number; report: string } {
  const out = execFileSync('spamassassin', ['-t', '-L'], { input: message, encoding: 'utf8', timeout: 60_000, stdio: ['pipe', 'pipe', 'pipe'] });
  const status = /^X-Spam-Status: (?:Yes|No), score=(-?[\d.]+)/m.exec(out);
  if (!status) throw new Error(`no X-Spam-Status in SpamAssassin's output:\n${out.slice(0, 2000)}`);
  const report = out.slice(out.indexOf('Content analysis details'));
  return { score: Number(status[1]), report };
}

const subscriber = { subscriberId: 'sub_0123456789abcdef', version: 1 };
const links = { unsubscribeUrl: unsubscribeUrl(BASE, KEYS, subscriber.subscriberId, NOW), manageUrl: manageUrl(BASE, KEYS, subscriber.subscriberId, NOW) };

function seedAlert(): OutboundEmail {
  const c = classify({ title: seed['title']!, body: seed['body']!, ...(seed['dateline'] ? { dateline: seed['dateline'] } : {}) });
  return renderAlertEmail({
    to: TO,
    report: {
      title: seed['title']!,
      body: seed['body']!,
      published: seed['published'] ?? '2022-10-20',
      dateline: seed['dateline'],
      url: 'https://unrcca.unmissions.org/border-security-conference',
      source: 'UNRCCA',
      countries: c.countries,
      regions: c.regions,
      themes: c.themes.map((t) => t.id),
    },
    matchedRules: [{ regions: ['143'], themes: [], frequency: 'instant', unsubscribeUrl: unsubscribeUrl(BASE, KEYS, subscriber.subscriberId, NOW, 'rule_abc') }],
    links,
  });
}

const EMAILS: [string, () => OutboundEmail][] = [
  ['confirmation', () => renderConfirmationEmail({ to: TO, confirmUrl: confirmUrl(BASE, KEYS, subscriber, NOW), rule: { regions: ['143'], themes: ['border-management'], frequency: 'instant' }, links: { unsubscribeUrl: links.unsubscribeUrl } })],
  ['alert (seed report)', seedAlert],
  ['manage link', () => renderManageLinkEmail({ to: TO, manageUrl: links.manageUrl, links })],
];

describe('SpamAssassin', () => {
  it.each(EMAILS)(`scores the %s email below ${LIMIT}`, async (name, render) => {
    const message = await mime(render());
    const { score, report } = spamAssassin(message);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = name.replace(/\W+/g, '-');
    writeFileSync(new URL(`${file}.eml`, ARTIFACTS), message);
    writeFileSync(new URL(`${file}.report.txt`, ARTIFACTS), `score ${score}\n\n${report}`);
    console.log(`SpamAssassin ${name}: ${score}`);
    expect(score, report).toBeLessThan(LIMIT);
  }, 90_000);

  it('flags an obviously spammy message (the check can fail)', async () => {
    const spam = await new MailComposer({
      from: FROM,
      to: TO,
      subject: 'FREE!!! WIN $$$ CASH NOW – 100% GUARANTEED, ACT NOW',
      html: '<html><body><p><font size=7 color=red>BUY VIAGRA CHEAP!!! CLICK HERE</font></p><p>Make money fast, work from home, 100% free, no risk, limited time, act now! Dear friend, you have been selected as a winner. Unsubscribe</p><img src="http://1.2.3.4/x.gif"></body></html>',
      date: NOW,
    })
      .compile()
      .build();
    expect(spamAssassin(spam).score).toBeGreaterThanOrEqual(LIMIT);
  }, 90_000);
});
