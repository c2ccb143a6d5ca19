// The registry of subcommands, in the order `reswire --help` lists them.
import type { Command } from './command';
import { fixCommand } from './commands/fix';
import { inspectCommand } from './commands/inspect';
import { templateCommand } from './commands/template';
import { serveCommand } from './commands/serve';
import { trainCommand } from './commands/train';
import { predictCommand } from './commands/predict';
import { benchCommand } from './commands/bench';

export const commands: Command[] = [templateCommand, inspectCommand, fixCommand, serveCommand, trainCommand, predictCommand, benchCommand];
