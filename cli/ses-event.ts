/**
 * `herald ses-event bounce|complaint --email ADDRESS [--type Permanent|Transient|Undetermined]`:
 * injects an SES bounce or complaint into the local stack (`POST /_local/ses-events` of
 * `npm start`), which runs the same handler as the deployed SesEvents Lambda.
 */
import { parseArgs } from 'node:util';
import { readLocalStack } from './local';
import { UsageError } from './usage';

export { SES_EVENT_USAGE } from './usage';

/** Runs the command; resolves to the exit code. Throws TypeError('usage: ...') on bad arguments. */
export async function sesEvent(args: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { email: { type: 'string' }, type: { type: 'string' }, api: { type: 'string' } } });
  const [kind] = positionals;
  if (kind !== 'bounce' && kind !== 'complaint') throw new SesEventUsageError('ses-event needs bounce or complaint');
  if (!values.email) throw new SesEventUsageError('ses-event needs --email');
  if (values.type && !['Permanent', 'Transient', 'Undetermined'].includes(values.type)) throw new SesEventUsageError('--type must be Permanent, Transient or Undetermined');
  // (an empty --api falls back to the local stack, as before)
  const api = values.api || readLocalStack().apiUrl;
  if (!api) throw new SesEventUsageError('No local API: run `npm start` first (it writes .herald/local.json), or pass --api');
  const res = await fetch(`${api.replace(/\/+$/, '')}/_local/ses-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind, email: values.email, ...(values.type ? { bounceType: values.type } : {}) }),
  });
  out.write(`${await res.text()}\n`);
  return res.ok ? 0 : 1;
}

/** Bad `ses-event` arguments (a `UsageError`: the CLI prints help, exit code 2). */
export class SesEventUsageError extends UsageError {}
