/**
 * `npm start`: runs Herald on this machine (DynamoDB Local, aws-ses-v2-local, the HTTP
 * API and the stream poller), writes `.herald/local.json` and prints where everything is.
 * Ctrl-C stops it all. Data persists in `.herald/` across restarts.
 */
import { defaultDataDir, startLocalStack, writeLocalInfo } from './stack';

async function main(): Promise<void> {
  // The SDK versions are pinned to ones that support Node 20 (see package.json); the
  // warning about future releases is noise here.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  console.log('Starting Herald locally (DynamoDB Local can take a few seconds)...');
  const stack = await startLocalStack({ persist: true });
  const infoPath = writeLocalInfo({ apiUrl: stack.apiUrl, sesUrl: stack.sesUrl, dynamodbUrl: stack.dynamodbUrl, publisherToken: stack.publisherToken, tables: stack.tables });

  const sample = JSON.stringify({ title: 'Border security conference in Dushanbe', body: 'Officials from Tajikistan and Afghanistan met in Dushanbe to discuss border management.', published: new Date().toISOString().slice(0, 10) });
  const line = '─'.repeat(72);
  console.log(`
${line}
  Herald is running locally

  API             ${stack.apiUrl}
  Mail viewer     ${stack.sesUrl}          (sent mail as JSON: ${stack.sesUrl}/store)
  DynamoDB Local  ${stack.dynamodbUrl}     (tables: ${Object.values(stack.tables).join(', ')})
  Publisher token ${stack.publisherToken}
  Written to      ${infoPath}
  Data kept in    ${defaultDataDir}  (delete it to start afresh)
  Digests         every hour at :00 UTC (each subscriber's local hour); at once: npm run digest -- --now

  Try it:
    curl -s -X POST ${stack.apiUrl}/reports \\
      -H 'Authorization: Bearer ${stack.publisherToken}' \\
      -H 'Content-Type: application/json' \\
      -d '${sample.replace(/'/g, "'\\''")}'

    curl -s -X POST ${stack.apiUrl}/subscriptions -H 'Content-Type: application/json' \\
      -d '{"email":"you@example.org","regions":["143"],"frequency":"instant"}'

  Press Ctrl-C to stop.
${line}
`);

  let stoppingSince: number | undefined;
  const shutdown = (signal: string) => {
    if (stoppingSince !== undefined) {
      // npm forwards the terminal's Ctrl-C too, so one press can arrive twice: only a
      // later, deliberate second press forces the exit (children die in the exit hook).
      if (Date.now() - stoppingSince < 1_000) return;
      console.log('Forcing exit.');
      process.exit(1);
    }
    stoppingSince = Date.now();
    console.log(`\n${signal}: stopping Herald...`);
    stack.stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Herald could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
