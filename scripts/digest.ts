/**
 * `npm run digest -- --now`: runs a digest run at once against the local stack that
 * `npm start` is running (it reads `.herald/local.json` and `.herald/signing-key`), with
 * the same planner and sender handler modules, and waits until every digest is sent.
 *
 *   npm run digest -- --now            every subscriber's digest is due now: windows end now
 *   npm run digest                     the scheduled run of the current hour (as at hh:00 UTC)
 *   npm run digest -- --at 2026-11-27T08:00:00Z   the scheduled run of that time
 *
 * Safe to repeat: a digest already sent for its period (local day, or ISO week) is never
 * sent again, so a second `--now` sends nothing new.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalDigests } from '../local/digests';
import { defaultDataDir, readLocalInfo } from '../local/stack';
import { localTableNames } from '../local/tables';

function usage(code: number): never {
  (code === 0 ? process.stdout : process.stderr).write('Usage: npm run digest -- [--now | --at <ISO time>]\n');
  process.exit(code);
}

// SDK versions are pinned to ones that support Node 20; their notice about later releases is noise.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) usage(0);
const dueNow = args.includes('--now');
const atIndex = args.indexOf('--at');
const at = atIndex >= 0 ? args[atIndex + 1] : undefined;
if ((atIndex >= 0 && (!at || Number.isNaN(Date.parse(at)))) || (dueNow && at) || args.some((a) => a.startsWith('-') && !['--now', '--at'].includes(a))) usage(2);

const info = readLocalInfo();
const keyPath = join(defaultDataDir, 'signing-key');
if (!info?.dynamodbUrl || !info.sesUrl || !info.apiUrl || !existsSync(keyPath)) {
  process.stderr.write('No local stack found (.herald/local.json): start one with `npm start` in another terminal first.\n');
  process.exit(1);
}
const tables = { ...localTableNames('herald-local'), ...(info.tables ?? {}) };
Object.assign(process.env, {
  REPORTS_TABLE: tables.Reports,
  SUBSCRIPTIONS_TABLE: tables.Subscriptions,
  DELIVERIES_TABLE: tables.Deliveries,
  PUBLISHERS_TABLE: tables.Publishers,
  DYNAMODB_ENDPOINT: info.dynamodbUrl,
  SES_ENDPOINT: info.sesUrl,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  SENDER_EMAIL: process.env['SENDER_EMAIL'] ?? 'alerts@herald.local',
  SIGNING_KEY: readFileSync(keyPath, 'utf8').trim(),
  PUBLIC_BASE_URL: info.apiUrl,
  POWERTOOLS_SERVICE_NAME: 'herald-local',
  POWERTOOLS_LOG_LEVEL: process.env['POWERTOOLS_LOG_LEVEL'] ?? 'WARN',
});
delete process.env['AWS_SESSION_TOKEN'];
delete process.env['AWS_PROFILE'];

const scheduledTime = at ? new Date(at).toISOString() : dueNow ? new Date().toISOString() : new Date(Math.floor(Date.now() / 3600_000) * 3600_000).toISOString();
const digests = startLocalDigests({ tables, log: (m, d) => console.error(m, ...(d !== undefined ? [d] : [])) });
/** Digest emails in the emulator's store (to report how many this run sent). */
async function digestEmailCount(): Promise<number | undefined> {
  try {
    const res = await fetch(`${info!.sesUrl}/store`);
    const { emails } = (await res.json()) as { emails: { subject: string }[] };
    return emails.filter((e) => /^Herald (daily|weekly) digest/.test(e.subject)).length;
  } catch {
    return undefined;
  }
}

try {
  const before = await digestEmailCount();
  const result = await digests.run({ scheduledTime, dueNow });
  await digests.drain();
  const after = await digestEmailCount();
  const sent = before !== undefined && after !== undefined ? after - before : undefined;
  const failed = digests.deadLetters.length;
  console.log(
    `Digest run ${result.runAt}${dueNow ? ' (--now: every digest due, windows ending now)' : ''}: ` +
      `${result.jobs} digest${result.jobs === 1 ? '' : 's'} planned from ${result.reports} report${result.reports === 1 ? '' : 's'} and ${result.rules} rule${result.rules === 1 ? '' : 's'} ` +
      `(${result.due} due, ${result.skipped.empty} empty, ${result.skipped.notDue} not due, ${result.skipped.inactive} inactive)` +
      `${failed ? `; ${failed} failed (dead letters)` : ''}; ${sent ?? '?'} sent now (a digest already sent for its period is not sent again). Mail viewer: ${info.sesUrl}`,
  );
  await digests.stop();
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(`The digest run failed: ${error instanceof Error ? error.message : String(error)}`);
  await digests.stop();
  process.exit(1);
}
