import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { clockToIso, compileTemplate, parseName } from '../../shared/logic/filename-template.js';
import { DEFAULT_PROFILES } from '../../shared/media-defaults.js';
import { parseIdentity } from '../../core/ingest/identity-file.js';
import { offload } from '../../core/ingest/offload.js';
import { mediaBinaries } from '../../core/media/ffmpeg.js';
import { gpsFromSrt, parseGLine } from '../../core/media/gps.js';
import { mediaRepo } from '../../core/media/media-repo.js';
import { probeFile, ProbeError } from '../../core/media/probe.js';
import { deriveQueueFor } from '../../core/media/proxy-queue.js';
import { makeContactStrip, STRIP_MIN_MS } from '../../core/media/thumbnails.js';
import { ffmpegBin, gpsSrt, makeRecorder, type RecorderFixture } from '../fixtures/recorder.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';

describe('probe (real ffprobe on generated clips)', () => {
  let rec: RecorderFixture;
  before(() => {
    rec = makeRecorder();
  });
  after(() => rec.cleanup());

  test('H.264 clip: duration, codecs, resolution, frame rate', async () => {
    const f = await probeFile(join(rec.root, rec.files.plain));
    assert.equal(f.videoCodec, 'h264');
    assert.equal(f.audioCodec, 'aac');
    assert.equal(f.width, 320);
    assert.equal(f.height, 240);
    assert.equal(f.fps, 15);
    assert.ok(f.durationMs! >= 1900 && f.durationMs! <= 2200, String(f.durationMs));
    assert.equal(f.gps, null);
  });

  test('HEVC clip is recognised', async (t) => {
    if (!rec.files.hevc) return t.skip(rec.notes.join('; '));
    const f = await probeFile(join(rec.root, rec.files.hevc));
    assert.equal(f.videoCodec, 'hevc');
  });

  test('GPS subtitle track → first/last position and the track', async () => {
    const f = await probeFile(join(rec.root, rec.files.gps));
    assert.equal(f.subtitleStreams, 1);
    assert.ok(f.gps);
    assert.equal(f.gps.points, 3);
    assert.deepEqual([f.gps.first.lat, f.gps.first.lon], [30.512345, 105.571234]);
    assert.deepEqual([f.gps.last.lat, f.gps.last.lon], [30.512545, 105.571434]);
    assert.equal(f.gps.first.time, '2026-03-05 17:00:00');
    assert.equal(f.gps.last.offsetMs, 2000);
    assert.equal(f.gps.track.length, 3);
  });

  test('truncated MP4 and non-media bytes fail with a Chinese reason', async () => {
    await assert.rejects(probeFile(join(rec.root, rec.files.truncated)), (e: Error) => e instanceof ProbeError && /不完整或已损坏/.test(e.message));
    await assert.rejects(probeFile(join(rec.root, 'ZFY_INFO.txt')), ProbeError);
  });

  test('audio and still', async () => {
    const a = await probeFile(join(rec.root, rec.files.audio));
    assert.equal(a.videoCodec, null);
    assert.equal(a.audioCodec, 'pcm_s16le');
    const s = await probeFile(join(rec.root, rec.files.still));
    assert.equal(s.videoCodec, 'mjpeg');
    assert.equal(s.width, 320);
  });
});

describe('GPS lines', () => {
  test('variants', () => {
    assert.deepEqual(parseGLine('$G:2026-03-05 17:00:01,N30.512345,E105.571234,12.5'), {
      lat: 30.512345, lon: 105.571234, time: '2026-03-05 17:00:01', speedKmh: 12.5,
    });
    assert.deepEqual(parseGLine('$G:S33.45,70.66W'), { lat: -33.45, lon: -70.66, time: null, speedKmh: null });
    const nmea = parseGLine('$G:2026/03/05 09:00:00,3030.7407N,10534.2740E');
    assert.ok(nmea && Math.abs(nmea.lat - 30.512345) < 1e-5 && Math.abs(nmea.lon - 105.571233) < 1e-5);
    assert.deepEqual(parseGLine('$G:-33.86,151.21')?.lat, -33.86);
    assert.equal(parseGLine('$G:2026-03-05 17:00:01,N0.000000,E0.000000,0'), null, 'no fix');
    assert.equal(parseGLine('no gps here'), null);
  });

  test('SRT parsing', () => {
    const g = gpsFromSrt(gpsSrt(5).replace(/\n/g, '\r\n'));
    assert.equal(g?.points, 5);
    assert.equal(g?.last.offsetMs, 4000);
    assert.equal(gpsFromSrt('1\n00:00:00,000 --> 00:00:01,000\nhello\n'), null);
  });
});

describe('filename templates and identity files', () => {
  const dcam = DEFAULT_PROFILES[0].templates.map(compileTemplate);

  test('DCAM names give device, officer, start time and the important flag', () => {
    const f = parseName('DCIM/100MEDIA/DCAM_DSJ2026A001_051234_20260305_143000_IMP.mp4', dcam);
    assert.deepEqual(f, { device: 'DSJ2026A001', officer: '051234', start: [2026, 3, 5, 14, 30, 0], important: true });
    assert.equal(clockToIso(f!.start!, '+08:00'), '2026-03-05T06:30:00.000Z');
    assert.equal(parseName('dcam_x1_9_20260305_143000.MP4', dcam)?.important, false, 'case-insensitive');
    assert.equal(parseName('DCAM_X_Y_20261345_143000.mp4', dcam)?.start, null, 'impossible date is not a time');
    assert.equal(parseName('IMG_0001.JPG', dcam), null);
  });

  test('other vendors: time-first names and day folders', () => {
    const rec = DEFAULT_PROFILES[1].templates.map(compileTemplate);
    assert.deepEqual(parseName('REC/20260305143000_HK001_051234_0007_EVT.MP4', rec), {
      device: 'HK001', officer: '051234', start: [2026, 3, 5, 14, 30, 0], important: true,
    });
    const day = DEFAULT_PROFILES[2].templates.map(compileTemplate);
    assert.equal(parseName('MOVIE\\2026-03-05\\093015_051234.mp4', day)?.officer, '051234', 'Windows separators');
    assert.deepEqual(parseName('MOVIE/2026-03-05/093015_051234_LOCK.mp4', day), {
      device: null, officer: '051234', start: [2026, 3, 5, 9, 30, 15], important: true,
    });
  });

  test('malformed templates are refused', () => {
    assert.throws(() => compileTemplate('DCAM_<serial>.mp4'), /无法识别/);
    assert.throws(() => compileTemplate('<device>_<device>.mp4'), /重复/);
  });

  test('identity files in UTF-8 and GBK, English or Chinese keys', () => {
    assert.deepEqual(parseIdentity(Buffer.from('SERIAL=ABC123\nOFFICER_NO=051234\n')), {
      serial: 'ABC123', model: '', officerNo: '051234', officerName: '', unitNo: '', unitName: '',
    });
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: '产品序号=DSJ9\r\n警员编号=0099\r\n警员姓名=李四\r\n单位名称=遂宁市林业局\r\n' });
    const id = parseIdentity(gbk);
    assert.equal(id?.serial, 'DSJ9');
    assert.equal(id?.officerName, '李四');
    assert.equal(id?.unitName, '遂宁市林业局');
    assert.equal(parseIdentity(Buffer.from('hello')), null);
  });
});

describe('thumbnails, proxies, snapshots', () => {
  let rec: RecorderFixture;
  let t: TestApp;
  before(async () => {
    rec = makeRecorder();
    t = await makeTestApp();
    await offload(t.app, { folder: rec.root, actor: { id: null, username: '(命令行)', officerId: null } });
  });
  after(() => {
    t.close();
    rec.cleanup();
  });

  test('the background queue makes a thumbnail per clip and a proxy for HEVC; originals untouched', async () => {
    const before = t.app.db.prepare('SELECT sha256 FROM media_items ORDER BY id').all();
    const r = await deriveQueueFor(t.app).runUntilIdle();
    assert.equal(r.failed, 0);
    const repo = mediaRepo(t.app.db);
    const plain = t.app.db.prepare(`SELECT id FROM media_items WHERE file_name LIKE '%143000.mp4'`).get() as { id: number };
    const thumbs = repo.derived(plain.id).filter((d) => d.kind === 'thumbnail');
    assert.equal(thumbs.length, 1);
    assert.equal(t.app.vault.read(thumbs[0].sha256).subarray(0, 2).toString('hex'), 'ffd8', 'a JPEG');
    assert.deepEqual(t.app.db.prepare('SELECT sha256 FROM media_items ORDER BY id').all(), before);
    if (rec.files.hevc) {
      const hevc = t.app.db.prepare(`SELECT id FROM media_items WHERE video_codec = 'hevc'`).get() as { id: number };
      const proxy = repo.derived(hevc.id).find((d) => d.kind === 'proxy');
      assert.ok(proxy, 'proxy made');
      const p = await probeFile(t.app.vault.pathOf(proxy.sha256));
      assert.equal(p.videoCodec, 'h264');
      assert.equal(p.audioCodec, 'aac');
      assert.ok(p.height! <= 540);
    }
    const left = t.app.db.prepare(`SELECT count(*) AS n FROM derive_jobs WHERE state <> 'done'`).get() as { n: number };
    assert.equal(left.n, 0);
  });

  test('snapshot at a time is a new derived record', async () => {
    const item = t.app.db.prepare(`SELECT id FROM media_items WHERE file_name LIKE '%143000.mp4'`).get() as { id: number };
    const officer = await t.call('officers.create', { name: '张执法', unit: '遂宁市林业局', certNo: '51090099', certValidUntil: '2030-12-31', category: '林业', region: '船山区' });
    const u = await t.user('zhang', ['officer'], { officerId: officer.id });
    const snap = await t.call('media.snapshot', { id: item.id, atMs: 1500 }, u);
    assert.equal(snap.kind, 'snapshot');
    assert.equal(snap.atMs, 1500);
    assert.ok(t.app.vault.has(snap.sha256));
    const err = await t.fails('media.snapshot', { id: item.id, atMs: 60_000 }, u);
    assert.match(err.message, /超出了视频长度/);
  });

  test('a long clip gets a 6×2 contact strip', async () => {
    const long = join(t.dir, 'long.mp4');
    execFileSync(ffmpegBin(), ['-v', 'error', '-nostdin', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=2:duration=61', '-c:v', 'libx264', '-preset', 'ultrafast', long]);
    const { sha256, durationMs } = await (async () => {
      const put = t.app.vault.putBytes(readFileSync(long));
      return { sha256: put.sha256, durationMs: (await probeFile(long)).durationMs! };
    })();
    assert.ok(durationMs >= STRIP_MIN_MS);
    const strip = await makeContactStrip(t.app.vault, sha256, durationMs);
    const f = await probeFile(t.app.vault.pathOf(strip.sha256));
    assert.equal(f.videoCodec, 'mjpeg');
    assert.deepEqual([f.width, f.height], [6 * 192, 2 * 108]);
  });

  test('ffmpeg binaries resolve (env override first)', () => {
    const b = mediaBinaries();
    assert.ok(b.ffmpeg.length > 0 && b.ffprobe.length > 0);
  });
});
