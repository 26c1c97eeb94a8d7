import { describe, expect, it } from 'vitest';
import { renderAlertEmail, renderConfirmationEmail } from '../../shared/domain/email';
import { headerSafe } from '../../shared/domain/html';

const links = { unsubscribeUrl: 'https://herald.example/unsubscribe?token=abc' };

describe('emails', () => {
  it('escapes report content and strips CR/LF from the subject', () => {
    const email = renderAlertEmail({
      to: 'a@example.org',
      report: {
        title: 'Border <script>alert(1)</script>\r\nBcc: victim@example.org',
        body: 'Body with <img src=x onerror=alert(1)> & "quotes"',
        published: '2022-10-20T00:00:00.000Z',
        countries: ['TJK'],
        regions: ['143'],
        themes: ['border-management'],
      },
      matchedRules: [{ regions: ['143'], themes: [], frequency: 'instant' }],
      links,
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toContain('Why you got this');
    expect(email.html).toContain('Central Asia');
    expect(email.headers).toEqual([
      { name: 'List-Unsubscribe', value: `<${links.unsubscribeUrl}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('puts the confirm and unsubscribe links in both alternatives of the confirmation', () => {
    const email = renderConfirmationEmail({
      to: 'a@example.org',
      confirmUrl: 'https://herald.example/subscriptions/confirm?token=x&y=1',
      rule: { regions: ['143'], themes: ['border-management'], frequency: 'instant' },
      links,
    });
    expect(email.html).toContain('https://herald.example/subscriptions/confirm?token=x&amp;y=1');
    expect(email.text).toContain('https://herald.example/subscriptions/confirm?token=x&y=1');
    expect(email.text).toContain(links.unsubscribeUrl);
    expect(email.text).toContain('Central Asia · Border Security and Management · instant');
  });

  it('makes header values single lines', () => {
    expect(headerSafe('a\r\nb\u0000c\u2028d')).toBe('a b c d');
  });
});
