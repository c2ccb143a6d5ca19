// `reswire`: dispatches to one command module per subcommand.
import { parseArgs } from 'node:util';
import { type Command, type CommandIo, UsageError } from './command';
import { commands } from './commands';

const defaultIo: CommandIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

async function topHelp(): Promise<string> {
  const width = Math.max(...commands.map((c) => c.name.length));
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const lines = loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'reswire: design, check, train and export neural networks with skip connections.',
    '',
    'Usage: reswire <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `reswire <command> --help` for the options of a command.',
    'Global options: --debug (show stack traces), --help, --version',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CommandIo = defaultIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await topHelp());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout('reswire 0.1.0\n');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`reswire: unknown command "${name}". Run \`reswire --help\` to see the commands.\n`);
    return 2;
  }
  const command: Command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : command.help + '\n');
    return 0;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(`${(e as Error).message.replace(/\. To specify.*$/s, '.')} Run \`reswire ${name} --help\`.`);
    }
    return await command.run(parsed as never, io);
  } catch (e) {
    const err = e as Error;
    if (debug) io.stderr(`${err.stack ?? err.message}\n`);
    else io.stderr(`reswire ${name}: ${err.message}\n`);
    return err instanceof UsageError ? 2 : (e as { exitCode?: number }).exitCode ?? 2;
  }
}
