#!/usr/bin/env node
// Entry point of the `reswire` command: runs the TypeScript CLI through tsx, so
// `npx reswire` works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
