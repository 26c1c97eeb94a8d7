/**
 * The `herald` command's help texts and usage error: a module without dependencies, so that
 * printing help or rejecting arguments loads nothing else (subcommands load their modules on demand).
 */
export const REPORTS_USAGE = `  post FILE|DIR|-               Post reports from .json (object or array), .jsonl, .html or .txt files
                                (a DIR: every such file in it; -: stdin)
  import FEED_URL|FILE          Post the items of an RSS or Atom feed (new ones; seen ones are duplicates)

Options for post and import:
  --api URL                     Herald API (default: HERALD_API_URL, else .herald/local.json)
  --token TOKEN                 Publisher token (default: HERALD_TOKEN, else .herald/local.json)
  --concurrency N               Requests in flight (default 4)
  --json                        Print the summary as JSON (one object) instead of text
  --quiet                       No progress bar
`;

export const SUBSCRIBERS_USAGE = `  subscribers export EMAIL      Print everything Herald holds about a subscriber (JSON)
  subscribers erase EMAIL --yes Erase a subscriber (only the address's hash stays, to honour the opt-out)
                                (both take --table NAME and --endpoint URL like publishers)
`;

export const SES_EVENT_USAGE = `  ses-event bounce|complaint --email ADDRESS [--type Permanent|Transient|Undetermined] [--api URL]
                                Inject an SES bounce or complaint into the local stack (npm start)
`;

/** The whole help text. */
export const USAGE = `Usage: herald <command> [options]

Commands:
  classify [--stats]            Read report JSON lines on stdin, write classifications as JSON lines
                                (--stats: end with {"stats": speed and peak memory} on stderr)
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

/** Bad arguments: the CLI prints the message and the help text, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
