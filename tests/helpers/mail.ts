/**
 * Reading what aws-ses-v2-local received. The emulator is shared by every integration test
 * file of a run, so filter by recipients unique to your test rather than clearing it.
 */

/** An email as `GET /store` lists it. */
export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  attachments?: unknown[];
  /** Epoch seconds. */
  at: number;
}

/** Every email sent so far (or since `since`, epoch seconds). */
export async function listEmails(sesUrl: string, opts: { since?: number } = {}): Promise<StoredEmail[]> {
  const query = opts.since !== undefined ? `?since=${Math.floor(opts.since)}` : '';
  const res = await fetch(`${sesUrl}/store${query}`);
  if (!res.ok) throw new Error(`GET ${sesUrl}/store answered ${res.status}`);
  const { emails } = (await res.json()) as { emails: StoredEmail[] };
  return emails;
}

/** Emails whose To, Cc or Bcc includes `address` (case-insensitive). */
export async function emailsTo(sesUrl: string, address: string): Promise<StoredEmail[]> {
  const wanted = address.toLowerCase();
  const all = await listEmails(sesUrl);
  return all.filter((e) => [...e.destination.to, ...e.destination.cc, ...e.destination.bcc].some((a) => a.toLowerCase().includes(wanted)));
}

/** A header of an email, by case-insensitive name. */
export function headerOf(email: StoredEmail, name: string): string | undefined {
  return email.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/** Empties the store (POST /clear-store). It is shared by the whole run: prefer filtering by recipient. */
export async function clearEmails(sesUrl: string): Promise<void> {
  const res = await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
  if (!res.ok) throw new Error(`POST ${sesUrl}/clear-store answered ${res.status}`);
}
