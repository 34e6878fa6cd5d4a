import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { addDays } from '../../shared/logic/calendar.js';
import type { SessionUser } from '../accounts/sessions.js';
import type { AppContext } from '../app.js';
import { ingestJobsFor } from '../ingest/ingest-jobs.js';
import { runFfmpeg } from '../media/ffmpeg.js';
import { deriveQueueFor } from '../media/proxy-queue.js';
import { must } from './seed-foundation.js';

/**
 * Demo footage (issue 4): one officer's recorder with a handful of short generated clips (480×270,
 * 2–4 s, made by ffmpeg in a temp folder), imported through the real ingest path, thumbnails and
 * proxies made, some clips annotated and linked to the officer's cases, some left for the user to
 * annotate. Costs a few seconds; skipped with a note when ffmpeg cannot run.
 */

interface DemoCase {
  id: number;
  caseNo: string;
  caseType: string;
  openedOn: string;
  place: string;
}

interface Clip {
  rel: string;
  make: (out: string) => string[];
  annotate?: { caseIndex: number; matter: string; proof: string; important?: boolean };
}

const SIZE = '480x270';

/** lavfi video source + a tone, H.264 (or HEVC) + AAC, tiny and quick to encode. */
function videoArgs(out: string, source: string, secs: number, freq: number, codec: 'h264' | 'hevc' = 'h264', extraInputs: string[] = [], maps: string[] = []): string[] {
  const v = codec === 'hevc' ? ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1'] : ['-c:v', 'libx264', '-preset', 'ultrafast'];
  return [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-t', String(secs), '-i', source,
    '-f', 'lavfi', '-i', `sine=frequency=${freq}:sample_rate=16000:duration=${secs}`,
    ...extraInputs, ...maps, ...v, '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k', '-shortest', out,
  ];
}

/** `$G:` subtitle cues (one a second) walking north-east from a point near 船山区. */
function gpsSrt(secs: number, day: string): string {
  let s = '';
  const t = (n: number) => `00:00:${String(n).padStart(2, '0')},000`;
  for (let i = 0; i < secs; i++) {
    const lat = (30.512345 + i * 0.00012).toFixed(6);
    const lon = (105.571234 + i * 0.00009).toFixed(6);
    s += `${i + 1}\n${t(i)} --> ${t(i + 1)}\n$G:${day} 14:30:${String(i).padStart(2, '0')},N${lat},E${lon},${(4.5 + i).toFixed(1)}\n\n`;
  }
  return s;
}

async function hasEncoder(name: string): Promise<boolean> {
  try {
    return (await runFfmpeg(['-encoders'], { timeoutMs: 20_000 })).stdout.toString().includes(` ${name} `);
  } catch {
    return false;
  }
}

/** The officer's most recent cases still being handled (non-voided, before 结案). */
function officerCases(app: AppContext, officerId: number): DemoCase[] {
  return app.db
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, c.case_type AS caseType, c.opened_on AS openedOn, c.place
       FROM cases c JOIN case_handlers h ON h.case_id = c.id
       WHERE h.officer_id = ? AND c.status = 'active' AND c.stage IN ('filing','investigation','review')
       ORDER BY (c.case_type = 'inspection') DESC, c.opened_on DESC LIMIT 3`,
    )
    .all(officerId) as DemoCase[];
}

export async function seedMedia(app: AppContext, officerUser: SessionUser, today: string): Promise<{ clips: number; note: string | null }> {
  const officerId = officerUser.officerId!;
  const officer = app.repos.officers.get(officerId)!;
  const device = app.db.prepare(`SELECT serial, model FROM devices WHERE officer_id = ? ORDER BY id LIMIT 1`).get(officerId) as { serial: string; model: string } | undefined;
  const cases = officerCases(app, officerId);
  if (!device || cases.length === 0) return { clips: 0, note: '没有可用于演示的记录仪或案件，未生成音像记录' };
  const hevc = await hasEncoder('libx265');
  const ymd = (d: string) => d.replaceAll('-', '');
  const name = (day: string, time: string, ext = 'mp4', imp = false) => `DCAM_${device.serial}_${officer.officerNo}_${ymd(day)}_${time}${imp ? '_IMP' : ''}.${ext}`;
  const [a, b = cases[0], c = cases[0]] = cases;
  const media = 'DCIM/100MEDIA';
  const inspectionFolder = a.caseType === 'inspection' ? `${media}/现场检查` : media;
  const root = mkdtempSync(join(tmpdir(), 'sanxiang-demo-recorder-'));
  const clips: Clip[] = [
    {
      rel: `${inspectionFolder}/${name(a.openedOn, '093012')}`,
      make: (out) => videoArgs(out, `testsrc2=size=${SIZE}:rate=15`, 4, 440),
      annotate: { caseIndex: 0, matter: a.caseType === 'inspection' ? 'inspection' : 'evidence', proof: '执法人员出示执法证件，检查现场林地及林木受损情况。' },
    },
    {
      rel: `${inspectionFolder}/${name(a.openedOn, '094530', 'mp4', true)}`,
      make: (out) => videoArgs(out, `mandelbrot=size=${SIZE}:rate=15`, 3, 520),
      annotate: { caseIndex: 0, matter: a.caseType === 'inspection' ? 'inspection' : 'evidence', proof: '当事人对现场情况进行陈述，并在现场笔录上签字确认。', important: true },
    },
    { rel: `${media}/${name(a.openedOn, '094800', 'jpg')}`, make: (out) => ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${SIZE}:rate=1`, '-frames:v', '1', out] },
    {
      rel: `${media}/${name(b.openedOn, '143000')}`,
      make: (out) => {
        const srt = join(root, 'gps.srt');
        writeFileSync(srt, gpsSrt(4, b.openedOn));
        return videoArgs(out, `testsrc2=size=${SIZE}:rate=15`, 4, 660, 'h264', ['-i', srt], ['-map', '0:v', '-map', '1:a', '-map', '2:s', '-c:s', 'mov_text']);
      },
      annotate: { caseIndex: 1, matter: 'evidence', proof: '抽样取证过程：对涉案木材逐根测量并编号登记。' },
    },
    ...(hevc ? [{ rel: `${media}/${name(b.openedOn, '150500')}`, make: (out: string) => videoArgs(out, `life=size=${SIZE}:rate=15:mold=10:ratio=0.2`, 3, 700, 'hevc') }] : []),
    { rel: `${media}/${name(c.openedOn, '101500')}`, make: (out) => videoArgs(out, `smptehdbars=size=${SIZE}:rate=15`, 2, 880) },
    { rel: `${media}/${name(addDays(today, -1), '160210')}`, make: (out) => videoArgs(out, `testsrc2=size=${SIZE}:rate=15`, 3, 990) },
  ];
  try {
    writeFileSync(
      join(root, 'ZFY_INFO.txt'),
      `[DEVICE]\r\nSERIAL=${device.serial}\r\nMODEL=${device.model}\r\n警员编号=${officer.officerNo}\r\n警员姓名=${officer.name}\r\n`,
    );
    for (const clip of clips) {
      const out = join(root, clip.rel);
      mkdirSync(dirname(out), { recursive: true });
      await runFfmpeg(clip.make(out), { timeoutMs: 60_000 });
    }
    rmSync(join(root, 'gps.srt'), { force: true });
    const job = await must<{ jobId: string }>(app, officerUser, 'media.ingest', { folder: root });
    const done = await ingestJobsFor(app).wait(job.jobId);
    if (done.state !== 'done' || !done.result) throw new Error(done.error?.message ?? '导入未完成');
    // Thumbnails and proxies now, so the screens are complete when the demo opens.
    const queue = deriveQueueFor(app);
    await queue.stop();
    await queue.runUntilIdle();
    const idOf = new Map(done.result.items.map((i) => [i.source, i.mediaId]));
    const collectors = (k: DemoCase) =>
      (app.db.prepare(`SELECT officer_id AS id FROM case_handlers WHERE case_id = ? ORDER BY is_lead DESC, officer_id`).all(k.id) as { id: number }[]).map((r) => r.id);
    for (const clip of clips) {
      if (!clip.annotate) continue;
      const k = cases[clip.annotate.caseIndex] ?? a;
      await must(app, officerUser, 'media.annotate', {
        id: idOf.get(clip.rel)!,
        caseId: k.id,
        matter: clip.annotate.matter,
        proof: clip.annotate.proof,
        place: k.place,
        collectors: collectors(k),
        important: !!clip.annotate.important,
      });
    }
    // The evidence preservation filmed in case B is a declared matter, covered by its clip.
    if (b.id !== a.id) await must(app, officerUser, 'media.setCaseMatters', { caseId: b.id, matters: ['evidence'] });
    // A service by leaving documents the recorder missed, explained by the officer.
    if (c.id !== a.id) {
      await must(app, officerUser, 'media.setCaseMatters', { caseId: c.id, matters: ['service-leaving'] });
      await must(app, officerUser, 'media.recordNoRecordingReason', {
        caseId: c.id,
        matter: 'service-leaving',
        reason: '留置送达时执法记录仪电量耗尽，未能录像；已邀请村委会两名见证人在送达回证上签字。',
      });
    }
    return { clips: done.result.copied + done.result.duplicates, note: null };
  } catch (e) {
    return { clips: 0, note: `未能生成演示音像记录：${(e as Error).message}` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
