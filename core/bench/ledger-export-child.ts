// Child process of `sanxiang bench reports`: exports one ledger and reports its own time and peak memory,
// so the figure is the export's alone (not the benchmark's). Usage: node --import tsx ledger-export-child.ts DATA OUT FORMAT
import { openApp } from '../app.js';
import { exportLedger } from '../supervision/ledgers/export-job.js';

const [dataDir, out, format] = process.argv.slice(2);
const app = openApp({ dataDir });
try {
  const t = performance.now();
  const r = await exportLedger(app, { id: null, username: '(bench)', displayName: 'bench' }, { ledger: 'cases', filter: {}, format: format as 'xlsx' | 'csv', path: out });
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ rows: r.rows, bytes: r.bytes, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
} finally {
  app.close();
}
