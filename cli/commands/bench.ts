import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRegister, defaultBenchCache } from '../../core/bench/register.js';
import { FULL_SIZE } from '../../core/bench/register-fixture.js';
import { benchPublish } from '../../core/bench/publish.js';
import { benchReports } from '../../core/bench/reports.js';
import { benchRedact } from '../../shared/logic/redact/bench.js';
import { benchIngest } from './bench-ingest.js';
import { benchReview } from './bench-review.js';
import { UsageError } from '../io.js';
import type { Command, CommandArgs } from './types.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Bench = (args: CommandArgs, cacheDir: string) => Promise<unknown>;

/** Benchmarks by name; each prints its figures as JSON. Later issues add theirs here. */
export const BENCHES: Record<string, Bench> = {
  register: (args, cacheDir) =>
    benchRegister(cacheDir, args.values.small ? { cases: 10_000, partiesPerCase: 3, auditRows: 100_000 } : FULL_SIZE, (s) => args.out.progress(s)),
  ingest: (args, cacheDir) => benchIngest({ out: args.out, cacheDir: join(cacheDir, 'ingest') }),
  review: benchReview,
  redact: async () => {
    const r = benchRedact();
    return { ...r, targetMbPerSecond: 5, met: r.mbPerSecond >= 5 };
  },
  publish: (args, cacheDir) => benchPublish(cacheDir, args.values.small ? 1_000 : 10_000, (s) => args.out.progress(s)),
  reports: (args, cacheDir) =>
    benchReports(cacheDir, args.values.small ? { cases: 10_000, partiesPerCase: 3, auditRows: 100_000 } : FULL_SIZE, (s) => args.out.progress(s)),
};

export const benchCommand: Command = {
  summary: '运行性能基准测试，输出 JSON 数据（首次运行会生成测试数据，耗时较长）',
  usage: `bench NAME|all [--cache DIR] [--small]   NAME: ${Object.keys(BENCHES).join(' | ')}`,
  options: { cache: { type: 'string' }, small: { type: 'boolean' } },
  async run(args) {
    const name = args.positionals[0];
    const cacheDir = (args.values.cache as string) || process.env.SANXIANG_BENCH_CACHE || defaultBenchCache(projectRoot);
    const names = name === 'all' ? Object.keys(BENCHES) : [name];
    if (!name || names.some((n) => !BENCHES[n])) throw new UsageError(`请指定基准测试：${Object.keys(BENCHES).join('、')} 或 all`);
    const results: Record<string, unknown> = {};
    for (const n of names) {
      results[n] = await BENCHES[n](args, cacheDir);
      if (!args.out.json) args.out.result(results[n]);
    }
    if (args.out.json) args.out.result(names.length === 1 ? results[names[0]] : results);
    return 0;
  },
};
