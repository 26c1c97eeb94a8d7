#!/usr/bin/env node
// The `herald` command: runs the TypeScript CLI through tsx's loader, so the same
// source serves the CLI, the Lambdas and the tests without a separate build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
