/**
 * What `npm start` writes to `.herald/local.json` for the CLI and people, and how a command
 * finds a table from it. No AWS imports: commands that only call the API load no SDK.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The local stack's endpoints, tables and publisher token, as `npm start` records them. */
export interface LocalStackInfo {
  readonly apiUrl?: string;
  readonly publisherToken?: string;
  readonly dynamodbUrl?: string;
  readonly tables?: Record<string, string>;
}

/** `.herald/local.json` under `cwd`; empty when no local stack has run there. */
export function readLocalStack(cwd = process.cwd()): LocalStackInfo {
  try {
    return JSON.parse(readFileSync(resolve(cwd, '.herald/local.json'), 'utf8')) as LocalStackInfo;
  } catch {
    return {};
  }
}

/**
 * The table a command works on and the environment for its DynamoDB client: `--table` (then
 * AWS, unless `--endpoint` says otherwise), else the local stack's table and endpoint with
 * placeholder credentials. Undefined when neither names the table.
 */
export function tableTarget(options: { table?: string; endpoint?: string }, local: LocalStackInfo, tableId: string): { table: string; env: NodeJS.ProcessEnv } | undefined {
  const table = options.table ?? local.tables?.[tableId];
  if (!table) return undefined;
  const endpoint = options.endpoint ?? (options.table ? undefined : local.dynamodbUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(endpoint ? { DYNAMODB_ENDPOINT: endpoint, AWS_ACCESS_KEY_ID: process.env['AWS_ACCESS_KEY_ID'] ?? 'local', AWS_SECRET_ACCESS_KEY: process.env['AWS_SECRET_ACCESS_KEY'] ?? 'local' } : {}),
  };
  return { table, env };
}
