#!/usr/bin/env node
// The `herald` command: runs the TypeScript CLI through tsx's loader, so the same
// source serves the CLI, the Lambdas and the tests without a separate build.
import { register } from 'tsx/esm/api';

// SDK versions are pinned to ones that support Node 20; their notice about later releases is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
