import { openApp, type AppContext } from '../../core/app.js';
import { resolveDataDir } from '../../core/data-folder.js';
import { UsageError } from '../io.js';
import type { CommandArgs } from './types.js';

/** Opens the data folder named by --data / SANXIANG_DATA / the default. */
export function openData(args: CommandArgs, create = false): AppContext {
  return openApp({ dataDir: resolveDataDir(args.values.data as string | undefined), create });
}

export function requireString(args: CommandArgs, name: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`缺少参数 --${name}`);
  return v;
}

/** Runs `fn` with an open app and always closes it. */
export async function withApp<T>(args: CommandArgs, fn: (app: AppContext) => Promise<T> | T, create = false): Promise<T> {
  const app = openData(args, create);
  try {
    return await fn(app);
  } finally {
    app.close();
  }
}
