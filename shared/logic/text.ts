// Small text and formatting helpers shared by the core, the CLI and the UI.
// Pure module: no Node or DOM APIs.

/**
 * Converts full-width ASCII (U+FF01–U+FF5E: ！…～, including ０-９, Ａ-Ｚ, ａ-ｚ and
 * full-width punctuation such as （）－) and the ideographic space U+3000 to their
 * half-width forms. Other characters (Chinese text, 〔〕, 【】, 、。) are left alone.
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

let collator: Intl.Collator | undefined;

/** Compares two strings in Chinese (pinyin) order, for Array.prototype.sort. */
export function compareZh(a: string, b: string): number {
  collator ??= new Intl.Collator('zh-CN');
  return collator.compare(a, b);
}

const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * Parses an ISO timestamp. A bare YYYY-MM-DD is read as local midnight (JavaScript
 * would read it as UTC midnight, which shows as the previous day west of Greenwich).
 */
function parseIso(iso: string): Date | null {
  if (typeof iso !== 'string' || iso.trim() === '') return null;
  const m = DATE_ONLY_RE.exec(iso.trim());
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  if (m && (d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3]))) return null;
  return d;
}

function ymd(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** ISO timestamp → local 'YYYY-MM-DD HH:mm'; '' for an empty or unreadable value. */
export function formatDateTime(iso: string): string {
  const d = parseIso(iso);
  return d ? `${ymd(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}` : '';
}

/** ISO timestamp (or date) → local 'YYYY-MM-DD'; '' for an empty or unreadable value. */
export function formatDate(iso: string): string {
  const d = parseIso(iso);
  return d ? ymd(d) : '';
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Byte count in binary units (1 KB = 1024 B): '512 B', '1.5 GB', '12.3 MB', '256 GB'.
 * One decimal below 100 of a unit (a trailing '.0' dropped), whole numbers from 100 up.
 */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n < 0) return '-' + formatBytes(-n);
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  let text = value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  // Rounding may reach the next unit (1023.96 KB → "1024 KB"); show "1 MB" instead.
  if (Number(text) >= 1024 && unit < BYTE_UNITS.length - 1) {
    unit++;
    text = '1';
  }
  return `${text} ${BYTE_UNITS[unit]}`;
}

/** Seconds → 'H:MM:SS' (an hour or more) or 'M:SS'; fractions are dropped. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  if (seconds < 0) return '-' + formatDuration(-seconds);
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}
