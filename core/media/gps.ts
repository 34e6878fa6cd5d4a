import type { GpsPoint, GpsTrack } from '../../shared/media-types.js';

/**
 * GPS written by recorders as a subtitle track: one cue per second whose text is a `$G:` line,
 * e.g. `$G:2026-03-05 14:30:01,N30.512345,E105.571234,12.5` (time, latitude, longitude, km/h).
 * Accepted variants: hemisphere letter before or after the number, NMEA `ddmm.mmmm` values,
 * plain signed decimals, `/` or `T` in the date, and missing time or speed.
 */

const MAX_TRACK_POINTS = 2000;

/** Parses SubRip text (what `ffmpeg -f srt` prints) into cues with start times in ms. */
export function parseSrt(srt: string): { startMs: number; text: string }[] {
  const cues: { startMs: number; text: string }[] = [];
  for (const block of srt.replace(/\r/g, '').split(/\n{2,}/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const ti = lines.findIndex((l) => l.includes('-->'));
    if (ti < 0) continue;
    const m = /(\d+):(\d{2}):(\d{2})[,.](\d{1,3})/.exec(lines[ti]);
    if (!m) continue;
    const startMs = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4].padEnd(3, '0'));
    cues.push({ startMs, text: lines.slice(ti + 1).join('\n') });
  }
  return cues;
}

function coord(field: string, pos: 'N' | 'S' | 'E' | 'W', neg: 'S' | 'W', max: number): number | null {
  const m = /^([NSEW])?\s*(-?\d+(?:\.\d+)?)\s*([NSEW])?$/i.exec(field.trim());
  if (!m) return null;
  const hemi = (m[1] ?? m[3] ?? '').toUpperCase();
  if (hemi && hemi !== pos && hemi !== neg) return null;
  let v = Number(m[2]);
  if (hemi && Math.abs(v) > max) {
    // NMEA ddmm.mmmm / dddmm.mmmm
    const deg = Math.trunc(Math.abs(v) / 100);
    v = Math.sign(v) * (deg + (Math.abs(v) - deg * 100) / 60);
  }
  if (hemi === neg) v = -Math.abs(v);
  if (!Number.isFinite(v) || Math.abs(v) > max) return null;
  return Math.round(v * 1e6) / 1e6;
}

/** One `$G:` line → a point (without the offset), or null when it carries no usable fix. */
export function parseGLine(line: string): Omit<GpsPoint, 'offsetMs'> | null {
  const i = line.indexOf('$G:');
  if (i < 0) return null;
  const fields = line.slice(i + 3).trim().split(/\s*,\s*/);
  let time: string | null = null;
  let lat: number | null = null;
  let lon: number | null = null;
  let speed: number | null = null;
  const plain: number[] = [];
  for (const f of fields) {
    const t = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(f);
    if (t) {
      time = `${t[1]}-${t[2]}-${t[3]} ${t[4]}:${t[5]}:${t[6]}`;
      continue;
    }
    if (/^[NS]|[NS]$/i.test(f) && lat === null) {
      lat = coord(f, 'N', 'S', 90);
      continue;
    }
    if (/^[EW]|[EW]$/i.test(f) && lon === null) {
      lon = coord(f, 'E', 'W', 180);
      continue;
    }
    if (/^-?\d+(\.\d+)?$/.test(f)) plain.push(Number(f));
  }
  if (lat === null && lon === null && plain.length >= 2) {
    lat = coord(String(plain.shift()), 'N', 'S', 90);
    lon = coord(String(plain.shift()), 'E', 'W', 180);
  }
  if (plain.length) speed = plain[0];
  if (lat === null || lon === null || (lat === 0 && lon === 0)) return null;
  return { lat, lon, time, speedKmh: speed };
}

/** The track of a clip from its subtitle text; null when no `$G:` fix was found. */
export function gpsFromSrt(srt: string): GpsTrack | null {
  const points: GpsPoint[] = [];
  for (const cue of parseSrt(srt)) {
    for (const line of cue.text.split('\n')) {
      const p = parseGLine(line);
      if (p) points.push({ offsetMs: cue.startMs, ...p });
    }
  }
  if (!points.length) return null;
  return { first: points[0], last: points[points.length - 1], points: points.length, track: thin(points, MAX_TRACK_POINTS) };
}

function thin(points: GpsPoint[], max: number): GpsPoint[] {
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}

/** "30.512345°N, 105.571234°E" — a place text for annotation prefill (no offline geocoding). */
export function formatPosition(p: { lat: number; lon: number }): string {
  return `${Math.abs(p.lat).toFixed(6)}°${p.lat >= 0 ? 'N' : 'S'}, ${Math.abs(p.lon).toFixed(6)}°${p.lon >= 0 ? 'E' : 'W'}`;
}
