import type { Out } from '../io.js';

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  out: Out;
}

export interface Command {
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(args: CommandArgs): Promise<number>;
}
