// The shape every `reswire` subcommand has, and the errors that map to exit codes.
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

export interface Command {
  name: string;
  summary: string;
  /** Usage lines and option descriptions, shown by --help. */
  help: string;
  options: OptionSpec;
  /** Returns the exit code: 0 fine, 1 the graph (or run) has errors, 2 bad usage or input. */
  run(args: ParsedArgs, io: CommandIo): Promise<number>;
}

/** Bad usage or unreadable input: exit 2 with one clear sentence on stderr. */
export class UsageError extends Error {
  readonly exitCode = 2;
}
