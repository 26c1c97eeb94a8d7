/**
 * The `herald` command line: classify reports, manage publisher tokens.
 * Exit codes: 0 success, 1 a command failed (e.g. some input lines were rejected), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPublisherToken, isScope, listPublishers, revokePublisher, SCOPES, type Scope } from '../shared/adapters/publishers';
import { createDocumentClient } from '../shared/clients';
import { REPORTS_USAGE, runImport, runPost } from './reports';
import { runSubscribers, SUBSCRIBERS_USAGE } from './subscribers';
import { SES_EVENT_USAGE, sesEvent, SesEventUsageError } from './ses-event';

const USAGE = `Usage: herald <command> [options]

Commands:
  classify                      Read report JSON lines on stdin, write classifications as JSON lines
  publishers create --name N    Issue a publisher token (printed once; only its hash is stored)
       [--scopes S,S]           What it may do: reports:write, reports:read (default both)
  publishers list               List publishers and their tokens (hash prefixes only)
  publishers revoke <id>        Revoke every token of a publisher
${REPORTS_USAGE}${SUBSCRIBERS_USAGE}${SES_EVENT_USAGE}
Options for publishers:
  --table NAME                  Publishers table (default: from .herald/local.json)
  --endpoint URL                DynamoDB endpoint (default: from .herald/local.json; omit for AWS)
  --id ID                       Publisher id for create (default: derived from --name)
  -h, --help                    Show this help
`;

/** What `npm start` writes for scripts and people. */
interface LocalStackInfo {
  readonly dynamodbUrl?: string;
  readonly tables?: Record<string, string>;
}

function readLocalInfo(): LocalStackInfo {
  try {
    return JSON.parse(readFileSync(resolve('.herald/local.json'), 'utf8')) as LocalStackInfo;
  } catch {
    return {};
  }
}

class UsageError extends Error {
  override name = 'UsageError';
}

async function publishers(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, id: { type: 'string' }, scopes: { type: 'string' }, table: { type: 'string' }, endpoint: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const local = readLocalInfo();
  const table = values.table ?? local.tables?.['Publishers'];
  if (!table) throw new UsageError('No Publishers table: pass --table, or run `npm start` first so .herald/local.json exists');
  const endpoint = values.endpoint ?? (values.table ? undefined : local.dynamodbUrl);
  const ddb = createDocumentClient({
    ...process.env,
    ...(endpoint ? { DYNAMODB_ENDPOINT: endpoint, AWS_ACCESS_KEY_ID: process.env['AWS_ACCESS_KEY_ID'] ?? 'local', AWS_SECRET_ACCESS_KEY: process.env['AWS_SECRET_ACCESS_KEY'] ?? 'local' } : {}),
  });
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

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'classify': {
        const { prepareForStreaming, runClassifyCli } = await import('../shared/classify/cli');
        prepareForStreaming();
        return await runClassifyCli(process.stdin, process.stdout, process.stderr);
      }
      case 'publishers':
        return await publishers(rest);
      case 'post':
        return await runPost(rest);
      case 'import':
        return await runImport(rest);
      case 'subscribers':
        return await runSubscribers(rest);
      case 'ses-event':
        return await sesEvent(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof SesEventUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`herald: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`herald: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
