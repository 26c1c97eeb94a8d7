#!/usr/bin/env node
// The `herald` command. The same TypeScript source serves the CLI, the Lambdas and the tests;
// here it runs as one bundle that esbuild rebuilds whenever a source changes (see launch.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCli } from './launch.mjs';

// SDK versions are pinned to ones that support Node 20; their notice about later releases is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await loadCli(root);
process.exitCode = await main(process.argv.slice(2));
