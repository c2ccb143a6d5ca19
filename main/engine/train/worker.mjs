// Entry of the training worker thread: registers tsx so the TypeScript engine loads without a
// build step (as bin/reswire.js does for the CLI), then runs the worker body.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
