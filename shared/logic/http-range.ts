// HTTP Range requests (RFC 9110 §14) for media playback (Electron's media:// protocol and the
// harness's /media route), as pure functions: parse a
// `Range` header against a file size and decide the status, headers and byte span to send.
// No Electron and no I/O in here.

/** An inclusive byte span, as in `Content-Range: bytes start-end/size`. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeRequest =
  /** No Range header, another unit, or a malformed one: a server ignores it and sends the whole file. */
  | { kind: 'whole' }
  | { kind: 'range'; range: ByteRange }
  /** Well-formed, but no range overlaps the file: 416. */
  | { kind: 'unsatisfiable' };

/** Longer headers and more ranges than this are ignored (the whole file is sent). */
const MAX_HEADER_LENGTH = 1024;
const MAX_RANGES = 64;

/**
 * Parses `Range: bytes=…` against `size`. Of several ranges the first satisfiable one is served
 * (browsers only ever ask for one; a client sees which bytes it got from Content-Range).
 */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  if (!header || header.length > MAX_HEADER_LENGTH) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return { kind: 'whole' };
  const specs = m[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (specs.length === 0 || specs.length > MAX_RANGES) return { kind: 'whole' };

  const ranges: ({ first: number; last: number | null } | { suffix: number })[] = [];
  for (const spec of specs) {
    const int = /^(\d+)-(\d*)$/.exec(spec);
    if (int) {
      const first = Number(int[1]);
      const last = int[2] === '' ? null : Number(int[2]);
      if (last !== null && last < first) return { kind: 'whole' };
      ranges.push({ first, last });
      continue;
    }
    const suffix = /^-(\d+)$/.exec(spec);
    if (suffix) {
      ranges.push({ suffix: Number(suffix[1]) });
      continue;
    }
    return { kind: 'whole' };
  }

  for (const r of ranges) {
    if ('suffix' in r) {
      if (r.suffix > 0 && size > 0) return { kind: 'range', range: { start: Math.max(0, size - r.suffix), end: size - 1 } };
    } else if (r.first < size) {
      return { kind: 'range', range: { start: r.first, end: Math.min(r.last ?? size - 1, size - 1) } };
    }
  }
  return { kind: 'unsatisfiable' };
}

export interface RangeResponse {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** The bytes to send; null for none (an empty file, or 416). */
  range: ByteRange | null;
}

/** Status, length headers and byte span for a GET of a file of `size` bytes with this Range header. */
export function planRangeResponse(header: string | null | undefined, size: number): RangeResponse {
  const req = parseRange(header, size);
  const base = { 'Accept-Ranges': 'bytes' };
  if (req.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }, range: null };
  }
  if (req.kind === 'range') {
    const { start, end } = req.range;
    return {
      status: 206,
      headers: { ...base, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
      range: req.range,
    };
  }
  return { status: 200, headers: { ...base, 'Content-Length': String(size) }, range: size > 0 ? { start: 0, end: size - 1 } : null };
}
