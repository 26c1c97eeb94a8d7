/**
 * `herald publishers`: issue, list and revoke publisher tokens in the Publishers table (local
 * by default, from .herald/local.json; AWS with --table).
 */
import { parseArgs } from 'node:util';
import { createPublisherToken, isScope, listPublishers, revokePublisher, SCOPES, type Scope } from '../shared/adapters/publishers';
import { createDocumentClient } from '../shared/clients';
import { readLocalStack, tableTarget } from './local';
import { USAGE, UsageError } from './usage';

/** `herald publishers create|list|revoke`: resolves to the exit code; throws `UsageError` on bad arguments. */
export async function publishers(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, id: { type: 'string' }, scopes: { type: 'string' }, table: { type: 'string' }, endpoint: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const where = tableTarget(values, readLocalStack(), 'Publishers');
  if (!where) throw new UsageError('No Publishers table: pass --table, or run `npm start` first so .herald/local.json exists');
  const { table } = where;
  const ddb = createDocumentClient(where.env);
  const [action, target] = positionals;
  switch (action) {
    case 'create': {
      if (!values.name) throw new UsageError('publishers create needs --name');
      const publisherId = values.id ?? values.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      if (!publisherId) throw new UsageError('--name must contain letters or digits (or pass --id)');
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(publisherId)) throw new UsageError('--id must be 1 to 64 lower-case letters, digits or dashes');
      const requested = values.scopes === undefined ? [...SCOPES] : values.scopes.split(/[\s,]+/).filter(Boolean);
      const unknown = requested.filter((s) => !isScope(s));
      if (requested.length === 0 || unknown.length > 0) throw new UsageError(`--scopes must list one or more of ${SCOPES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
      const { token, scopes } = await createPublisherToken(ddb, table, { publisherId, name: values.name, scopes: requested as Scope[] });
      process.stdout.write(`${JSON.stringify({ publisherId, name: values.name, scopes, token })}\n`);
      process.stderr.write('Store this token now: Herald keeps only its hash and cannot show it again.\n');
      return 0;
    }
    case 'list': {
      for (const p of await listPublishers(ddb, table)) process.stdout.write(`${JSON.stringify(p)}\n`);
      return 0;
    }
    case 'revoke': {
      if (!target) throw new UsageError('publishers revoke needs a publisher id');
      const count = await revokePublisher(ddb, table, target);
      process.stdout.write(`${JSON.stringify({ publisherId: target, tokensRevoked: count })}\n`);
      return count > 0 ? 0 : 1;
    }
    default:
      throw new UsageError(`Unknown publishers action "${action ?? ''}": use create, list or revoke`);
  }
}
