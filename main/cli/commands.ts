// The registry of subcommands, in the order `reswire --help` lists them. Each command module
// is imported only when it runs, so `reswire inspect` does not pay for loading TF.js.
import type { Command } from './command';

export interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: 'template', load: async () => (await import('./commands/template')).templateCommand },
  { name: 'inspect', load: async () => (await import('./commands/inspect')).inspectCommand },
  { name: 'fix', load: async () => (await import('./commands/fix')).fixCommand },
  { name: 'train', load: async () => (await import('./commands/train')).trainCommand },
  { name: 'predict', load: async () => (await import('./commands/predict')).predictCommand },
  { name: 'bench', load: async () => (await import('./commands/bench')).benchCommand },
  { name: 'serve', load: async () => (await import('./commands/serve')).serveCommand },
];
