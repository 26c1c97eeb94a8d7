/**
 * `herald subscribers export|erase EMAIL`: a subscriber's data as JSON (what the preference
 * centre's download gives them), or erasure (every item goes; only the address's hash stays
 * on the suppression list so the opt-out holds). For an operator acting on a request
 * received by other means; subscribers do both themselves from the preference centre.
 *
 * Exit codes: 0 done; 1 no such subscriber or a failure; 2 usage error.
 */
import { parseArgs } from 'node:util';
import { eraseSubscriber, exportSubscriber, findSubscriberByEmail } from '../shared/adapters/subscriptions';
import { createDocumentClient } from '../shared/clients';
import { readLocalStack, tableTarget } from './local';

export { SUBSCRIBERS_USAGE } from './usage';

const USAGE = `Usage: herald subscribers export|erase EMAIL [--yes] [--table NAME] [--endpoint URL]

  export EMAIL   Print the subscriber's data as JSON: profile, consent record and rules
  erase EMAIL    Delete the subscriber's profile, rules and address lookup; keep only a
                 one-way hash of the address on the suppression list. Needs --yes.

  --table NAME      Subscriptions table (default: from .herald/local.json)
  --endpoint URL    DynamoDB endpoint (default: from .herald/local.json; omit for AWS)
`;

interface Io {
  readonly stdout: { write(s: string): boolean };
  readonly stderr: { write(s: string): boolean };
}

class SubscribersUsageError extends Error {}

/** `herald subscribers ...`. */
export async function runSubscribers(args: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }, cwd = process.cwd()): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { table: { type: 'string' }, endpoint: { type: 'string' }, yes: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    const [action, email, ...extra] = positionals;
    if (action !== 'export' && action !== 'erase') throw new SubscribersUsageError(`Unknown subscribers action "${action ?? ''}": use export or erase`);
    if (!email || extra.length) throw new SubscribersUsageError(`subscribers ${action} needs exactly one email address`);
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new SubscribersUsageError(`"${email}" is not an email address`);
    if (action === 'erase' && !values.yes) throw new SubscribersUsageError('erase cannot be undone: add --yes to confirm');
    const where = tableTarget(values, readLocalStack(cwd), 'Subscriptions');
    if (!where) throw new SubscribersUsageError('No Subscriptions table: pass --table, or run `npm start` first so .herald/local.json exists');
    const { table } = where;
    const ddb = createDocumentClient(where.env);
    const found = await findSubscriberByEmail(ddb, table, email);
    if (!found) {
      io.stderr.write(`herald subscribers: no subscriber with the address ${email}\n`);
      return 1;
    }
    if (action === 'export') {
      io.stdout.write(`${JSON.stringify(await exportSubscriber(ddb, table, found.profile.subscriberId), null, 2)}\n`);
      return 0;
    }
    const { erased } = await eraseSubscriber(ddb, table, found.profile.subscriberId);
    io.stdout.write(`${JSON.stringify({ subscriberId: found.profile.subscriberId, erased })}\n`);
    return erased ? 0 : 1;
  } catch (error) {
    if (error instanceof SubscribersUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`herald subscribers: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`herald subscribers: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
