/**
 * The preference centre and its guards, over HTTP on the real emulators: rate-limited
 * confirmations, the "email me a link" form (same answer for known and unknown
 * addresses), editing, adding and removing rules, time zone, pause, per-rule unsubscribe,
 * export, erasure (only a hash stays), and link purposes that are not interchangeable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailHash } from '../../shared/domain/subscription';
import { startTestStack, type TestStack } from '../helpers/local';
import { emailsTo, headerOf } from '../helpers/mail';
import { linkIn, postForm, subscriberKit, tokenOf } from '../helpers/subscribers';

let stack: TestStack;
let kit: ReturnType<typeof subscriberKit>;

beforeAll(async () => {
  stack = await startTestStack();
  kit = subscriberKit(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/** The address's items in the active index: `<partition> <kind or rule frequency>`, e.g. `ACTIVE#digest weekly`, `ACTIVE#digest profile`. */
const activeIndexOf = async (address: string) =>
  (await kit.allItems())
    .filter((i) => i['email'] === address && typeof i['activePk'] === 'string')
    .map((i) => `${String(i['activePk'])} ${i['kind'] === 'rule' ? String(i['frequency']) : String(i['kind'])}`)
    .sort();

describe('confirmation emails', () => {
  it('sends at most 3 per address per hour, answering 202 every time', async () => {
    const address = 'flood@example.org';
    const regions = [['143'], ['TJK'], ['KAZ'], ['UZB'], ['KGZ']];
    for (const r of regions) expect((await kit.subscribe(address, { regions: r })).status).toBe(202);
    // The same rule again is one rule; it would resend while pending, but the limit holds.
    expect((await kit.subscribe(address, { regions: ['143'] })).status).toBe(202);
    expect(await emailsTo(stack.sesUrl, address)).toHaveLength(3);
    // A different address is unaffected.
    expect((await kit.subscribe('other-flood@example.org')).status).toBe(202);
    expect(await emailsTo(stack.sesUrl, 'other-flood@example.org')).toHaveLength(1);
  });

  it('refuses malformed addresses, unknown codes and oversized bodies, writing nothing', async () => {
    const before = (await kit.allItems()).length;
    expect((await kit.subscribe('not-an-address')).status).toBe(400);
    expect((await kit.subscribe('x@example.org', { regions: ['XXX'] })).status).toBe(400);
    expect((await kit.subscribe('x@example.org', { themes: ['weather'] })).status).toBe(400);
    const huge = await fetch(`${stack.apiUrl}/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@example.org', regions: Array(5000).fill('143') }) });
    expect(huge.status).toBe(413);
    expect((await kit.allItems()).length).toBe(before);
    expect(await emailsTo(stack.sesUrl, 'x@example.org')).toHaveLength(0);
  });
});

describe('the "email me a link" form', () => {
  it('answers the same for known and unknown addresses, and emails only the known one', async () => {
    await kit.subscribeAndConfirm('known@example.org');
    const known = await postForm(`${stack.apiUrl}/manage/link`, { email: 'known@example.org' });
    const unknown = await postForm(`${stack.apiUrl}/manage/link`, { email: 'unknown@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.text).toBe(known.text);
    expect(known.text).toContain('If this address is subscribed');
    expect(await emailsTo(stack.sesUrl, 'unknown@example.org')).toHaveLength(0);
    const [link] = (await emailsTo(stack.sesUrl, 'known@example.org')).filter((e) => /manage your/i.test(e.subject));
    expect(link).toBeDefined();
    expect(headerOf(link!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(linkIn(link!, '/manage')).toContain('/manage?token=');
  });

  it('answers known and unknown addresses after the same time (at least the configured floor)', async () => {
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await postForm(`${stack.apiUrl}/manage/link`, { email });
      expect(res.status).toBe(200);
      return performance.now() - started;
    };
    const known = await timed('timer-subscribed@example.org').then(async () => {
      await kit.subscribeAndConfirm('timer-subscribed@example.org');
      return timed('timer-subscribed@example.org');
    });
    const unknown = await timed('timer-stranger@example.org');
    // The test stack's floor is 250 ms; a local send takes far less, so both are padded to it.
    expect(known).toBeGreaterThanOrEqual(245);
    expect(unknown).toBeGreaterThanOrEqual(245);
    expect(Math.abs(known - unknown)).toBeLessThan(100);
    expect((await emailsTo(stack.sesUrl, 'timer-subscribed@example.org')).filter((e) => /manage your/i.test(e.subject))).toHaveLength(1);
  });

  it('emails one address at most 3 links an hour, with the same answer after the limit', async () => {
    const first = await postForm(`${stack.apiUrl}/manage/link`, { email: 'known@example.org' });
    await postForm(`${stack.apiUrl}/manage/link`, { email: 'known@example.org' });
    const over = await postForm(`${stack.apiUrl}/manage/link`, { email: 'known@example.org' });
    expect(over.status).toBe(200);
    expect(over.text).toBe(first.text);
    expect((await emailsTo(stack.sesUrl, 'known@example.org')).filter((e) => /manage your/i.test(e.subject))).toHaveLength(3);
  });

  it('shows the form without a token and refuses a malformed address with 400', async () => {
    const page = await fetch(`${stack.apiUrl}/manage`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<label for="email">Email address</label>');
    expect((await postForm(`${stack.apiUrl}/manage/link`, { email: 'nope' })).status).toBe(400);
  });
});

describe('the preference centre', () => {
  const address = 'centre@example.org';
  let manage: string;
  let token: string;

  beforeAll(async () => {
    await kit.subscribeAndConfirm(address, { regions: ['143'], themes: ['border-management'] });
    manage = await kit.manageLink(address);
    token = tokenOf(manage);
  });

  it('shows rules with regions and themes by name, and changes nothing on GET', async () => {
    const before = await kit.allItems();
    const res = await fetch(manage);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Central Asia · Border Security and Management · instant');
    expect(page).toMatch(/<option value="143" selected>Central Asia<\/option>/);
    expect(page).toMatch(/<label for="rule-1-theme-border-management">Border Security and Management<\/label>/);
    expect(page).not.toContain('<script');
    expect(await kit.allItems()).toEqual(before);
  });

  it('edits a rule to weekly: it leaves the instant partition of the index and enters the digest one', async () => {
    const page = await (await fetch(manage)).text();
    const ruleId = /name="ruleId" value="([^"]+)"/.exec(page)![1]!;
    const res = await postForm(`${stack.apiUrl}/manage`, { token, action: 'save-rule', ruleId, regions: ['143'], themes: ['border-management'], frequency: 'weekly', language: '' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Saved: Central Asia · Border Security and Management · weekly');
    expect(await activeIndexOf(address)).toEqual(['ACTIVE#digest profile', 'ACTIVE#digest weekly']);
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(0);
  });

  it('adds a rule, refuses an invalid one with 400 naming the field, and writes nothing for it', async () => {
    const added = await postForm(`${stack.apiUrl}/manage`, { token, action: 'save-rule', regions: ['TJK'], frequency: 'instant' });
    expect(added.status).toBe(200);
    expect(await activeIndexOf(address)).toEqual(['ACTIVE#digest profile', 'ACTIVE#digest weekly', 'ACTIVE#instant instant']);
    const before = await kit.allItems();
    const bad = await postForm(`${stack.apiUrl}/manage`, { token, action: 'save-rule', regions: ['ATLANTIS'], frequency: 'instant' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Regions');
    expect(bad.text).toContain('role="alert"');
    const badFrequency = await postForm(`${stack.apiUrl}/manage`, { token, action: 'save-rule', frequency: 'hourly' });
    expect(badFrequency.status).toBe(400);
    expect(await kit.allItems()).toEqual(before);
  });

  it('sets the time zone, refusing unknown ones', async () => {
    expect((await postForm(`${stack.apiUrl}/manage`, { token, action: 'timezone', timezone: 'Asia/Dushanbe' })).status).toBe(200);
    expect((await postForm(`${stack.apiUrl}/manage`, { token, action: 'timezone', timezone: 'Mars/Olympus' })).status).toBe(400);
    const profile = (await kit.allItems()).find((i) => i['kind'] === 'profile' && i['email'] === address)!;
    expect(profile['timezone']).toBe('Asia/Dushanbe');
  });

  it('sets when digests arrive (hour and weekly day), refusing impossible values without writing', async () => {
    const page = await fetch(`${stack.apiUrl}/manage?token=${encodeURIComponent(token)}`).then((r) => r.text());
    expect(page).toContain('<option value="8" selected>08:00</option>');
    expect(page).toContain('<option value="monday" selected>Monday</option>');
    const saved = await postForm(`${stack.apiUrl}/manage`, { token, action: 'delivery-time', timezone: 'Asia/Dushanbe', digestHour: '17', weeklyDay: 'friday' });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Saved: daily digests at 17:00, weekly digests on Fridays at 17:00 (Asia/Dushanbe time)');
    expect(saved.text).toContain('<option value="17" selected>17:00</option>');
    expect(saved.text).toContain('<option value="friday" selected>Friday</option>');
    const before = await kit.allItems();
    for (const [field, value] of [['digestHour', '24'], ['digestHour', '7.5'], ['digestHour', 'noon'], ['weeklyDay', 'funday']] as const) {
      const bad = await postForm(`${stack.apiUrl}/manage`, { token, action: 'delivery-time', timezone: 'Europe/Paris', [field]: value });
      expect(bad.status, `${field}=${value}`).toBe(400);
      expect(bad.text).toContain(field === 'digestHour' ? 'Hour of digests' : 'Day of weekly digests');
    }
    expect(await kit.allItems()).toEqual(before);
    const profile = before.find((i) => i['kind'] === 'profile' && i['email'] === address)!;
    expect(profile).toMatchObject({ timezone: 'Asia/Dushanbe', digestHour: 17, weeklyDay: 'friday' });
  });

  it('pauses (profile and rules leave the index, nothing is sent) and resumes', async () => {
    expect((await postForm(`${stack.apiUrl}/manage`, { token, action: 'pause' })).text).toContain('Paused');
    expect(await activeIndexOf(address)).toEqual([]);
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(0);
    expect((await postForm(`${stack.apiUrl}/manage`, { token, action: 'resume' })).status).toBe(200);
    expect(await activeIndexOf(address)).toEqual(['ACTIVE#digest profile', 'ACTIVE#digest weekly', 'ACTIVE#instant instant']);
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(1);
  });

  it('exports the subscriber\'s data as a JSON download, with the consent record', async () => {
    const res = await postForm(`${stack.apiUrl}/manage`, { token, action: 'export' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="herald-my-data\.json"$/);
    const data = JSON.parse(res.text) as { subscriber: Record<string, any>; rules: Record<string, any>[] };
    expect(data.subscriber['email']).toBe(address);
    expect(data.subscriber['timezone']).toBe('Asia/Dushanbe');
    expect(data.subscriber).toMatchObject({ digestHour: 17, weeklyDay: 'friday' });
    expect(data.subscriber['consent']).toMatchObject({ method: 'api', policyVersion: expect.any(String), requestedAt: expect.any(String), confirmedAt: expect.any(String) });
    expect(data.rules.filter((r) => r['status'] === 'active').map((r) => r['frequency']).sort()).toEqual(['instant', 'weekly']);
    expect(data.rules.find((r) => r['frequency'] === 'instant' && r['status'] === 'active')).toMatchObject({ method: 'preference-centre', confirmedAt: expect.any(String) });
  });

  it('refuses an unknown action and a forged token', async () => {
    expect((await postForm(`${stack.apiUrl}/manage`, { token, action: 'explode' })).status).toBe(400);
    expect((await postForm(`${stack.apiUrl}/manage`, { token: `${token}x`, action: 'pause' })).status).toBe(403);
  });
});

describe('per-rule unsubscribe', () => {
  it('stops one rule from its link in the alert, and leaves the other', async () => {
    const address = 'two-rules@example.org';
    await kit.subscribeAndConfirm(address, { regions: ['143'] });
    await kit.subscribeAndConfirm(address, { themes: ['border-management'] });
    await kit.postReport();
    const [alert] = await kit.alertsTo(address);
    expect(alert).toBeDefined();
    // One email for two matching rules, each rule with its own link.
    expect(await kit.alertsTo(address)).toHaveLength(1);
    const first = linkIn(alert!, '/unsubscribe', 0);
    const second = linkIn(alert!, '/unsubscribe', 1);
    expect(first).not.toBe(second);
    expect(alert!.body.text).toContain('Manage your subscription: ');
    const res = await postForm(first, { 'List-Unsubscribe': 'One-Click' });
    expect(res.status).toBe(200);
    expect(await activeIndexOf(address)).toEqual(['ACTIVE#digest profile', 'ACTIVE#instant instant']);
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(2);
    // The header link unsubscribes from everything.
    const all = headerOf(alert!, 'List-Unsubscribe')!.slice(1, -1);
    expect((await postForm(all, { 'List-Unsubscribe': 'One-Click' })).status).toBe(200);
    // Unsubscribed from everything: the profile leaves the index with the last rule.
    expect(await activeIndexOf(address)).toEqual([]);
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(2);
  });
});

describe('link purposes', () => {
  it('refuses a token of one purpose for another', async () => {
    const address = 'purposes@example.org';
    await kit.subscribe(address);
    const [confirmation] = await emailsTo(stack.sesUrl, address);
    const confirm = tokenOf(linkIn(confirmation!, '/subscriptions/confirm'));
    const unsubscribe = tokenOf(linkIn(confirmation!, '/unsubscribe'));
    await kit.confirmLatest(address);
    const manage = tokenOf(await kit.manageLink(address));
    const q = encodeURIComponent;
    expect((await fetch(`${stack.apiUrl}/manage?token=${q(unsubscribe)}`)).status).toBe(403);
    expect((await fetch(`${stack.apiUrl}/manage?token=${q(confirm)}`)).status).toBe(403);
    expect((await postForm(`${stack.apiUrl}/manage`, { token: unsubscribe, action: 'erase', confirm: 'yes' })).status).toBe(403);
    expect((await postForm(`${stack.apiUrl}/unsubscribe`, { token: manage })).status).toBe(403);
    expect((await postForm(`${stack.apiUrl}/subscriptions/confirm`, { token: manage })).status).toBe(403);
    expect((await fetch(`${stack.apiUrl}/manage?token=${q(manage)}`)).status).toBe(200);
    expect(await activeIndexOf(address)).toEqual(['ACTIVE#digest profile', 'ACTIVE#instant instant']);
  });
});

describe('erasure', () => {
  it('leaves only the hash of the address on the suppression list, and sends nothing more', async () => {
    const address = 'erase-me@example.org';
    await kit.subscribeAndConfirm(address, { regions: ['143'] });
    const manage = tokenOf(await kit.manageLink(address));
    const refused = await postForm(`${stack.apiUrl}/manage`, { token: manage, action: 'erase' });
    expect(refused.status).toBe(400); // the confirmation box is required
    const res = await postForm(`${stack.apiUrl}/manage`, { token: manage, action: 'erase', confirm: 'yes' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('erased');
    const hash = emailHash(address);
    const items = await kit.allItems();
    const mentioning = items.filter((i) => JSON.stringify(i).includes(address) || JSON.stringify(i).includes(hash));
    expect(mentioning).toEqual([{ pk: `SUPPRESSED#${hash}`, sk: 'SUPPRESSED', kind: 'suppression', emailHash: hash, reason: 'erased', at: expect.any(String) }]);
    // The manage link died with the data.
    expect((await fetch(`${stack.apiUrl}/manage?token=${encodeURIComponent(manage)}`)).status).toBe(403);
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(0);
  });

  it('honours the opt-out until a new double opt-in is confirmed', async () => {
    const address = 'erase-me@example.org';
    const before = (await emailsTo(stack.sesUrl, address)).length;
    await kit.subscribeAndConfirm(address, { regions: ['143'] });
    expect((await emailsTo(stack.sesUrl, address)).length).toBe(before + 1);
    expect((await kit.allItems()).some((i) => i['pk'] === `SUPPRESSED#${emailHash(address)}`)).toBe(false);
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(1);
  });
});
