import { parseArgs } from 'node:util';
import { COMMANDS, usage } from './commands/index.js';
import { EXIT_USAGE, makeOut, reportError, UsageError } from './io.js';

/** Entry point of `sanxiang`: parses the common flags and runs one command. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(await usage());
    return name ? 0 : EXIT_USAGE;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : null;
  if (!load) {
    process.stderr.write(`未知命令：${name}\n\n${await usage()}`);
    return EXIT_USAGE;
  }
  const command = await load();
  const json = rest.includes('--json');
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { json: { type: 'boolean' }, data: { type: 'string' }, ...command.options },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    return await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals, out: makeOut(json) });
  } catch (e) {
    return reportError(e, json);
  }
}
