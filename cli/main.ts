/**
 * The `herald` command line: classify reports, manage publisher tokens.
 * Exit codes: 0 success, 1 a command failed (e.g. some input lines were rejected), 2 usage error.
 * Each subcommand's module is imported when it runs, so `classify` loads the classifier and
 * nothing else (no AWS SDK): the command is held to ≤ 150 MB resident.
 */
import { parseArgs } from 'node:util';
import { USAGE, UsageError } from './usage';

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'classify': {
        const { prepareForStreaming, runClassifyCli } = await import('../shared/classify/cli');
        const { values } = parseArgs({ args: rest, options: { stats: { type: 'boolean' } } });
        prepareForStreaming();
        return await runClassifyCli(process.stdin, process.stdout, process.stderr, { stats: values.stats === true });
      }
      case 'publishers':
        return await (await import('./publishers')).publishers(rest);
      case 'post':
        return await (await import('./reports')).runPost(rest);
      case 'import':
        return await (await import('./reports')).runImport(rest);
      case 'subscribers':
        return await (await import('./subscribers')).runSubscribers(rest);
      case 'ses-event':
        return await (await import('./ses-event')).sesEvent(rest);
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
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`herald: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`herald: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
