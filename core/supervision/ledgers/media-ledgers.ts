import { localDayStartUtc } from '../../util/dates.js';
import { hasMedia, localTimeSql as localTime } from '../tables.js';
import { col, labelCase, whereBuilder, yesNo, type LedgerDef } from './types.js';

const NOT_INSTALLED = '音像记录功能尚未安装，暂无数据。';
const KIND_LABELS = { video: '视频', audio: '音频', image: '照片', other: '其他' };
const RUN_STATES = { running: '进行中', done: '完成', cancelled: '已取消', disconnected: '设备断开', failed: '失败' };

/** 执法音像记录台账: one row per original file. */
export const footageLedger: LedgerDef = {
  name: 'footage',
  unavailable: (app) => (hasMedia(app.db) ? null : NOT_INSTALLED),
  build(_env, f) {
    const columns = [
      col('fileName', '文件名', 34, 'm.file_name'),
      col('kind', '类型', 8, labelCase('m.kind', KIND_LABELS)),
      col('device', '执法记录仪', 16, 'm.device_serial'),
      col('officer', '执法人员', 10, 'coalesce(o.name, m.officer_no)'),
      col('recordedAt', '拍摄时间', 17, localTime('coalesce(m.capture_time, m.recorded_at)')),
      col('minutes', '时长（分钟）', 11, 'round(m.duration_ms / 60000.0, 1)', 'number'),
      col('sizeMb', '大小（MB）', 11, 'round(m.size / 1048576.0, 1)', 'number'),
      col('ingestedAt', '导入时间', 17, localTime('m.ingested_at')),
      col('ingestedBy', '导入人', 10, 'm.ingested_by_name'),
      col('cases', '关联案件', 26, `(SELECT group_concat(c.case_no, '、') FROM media_case_links l JOIN cases c ON c.id = l.case_id WHERE l.media_id = m.id)`),
      col('place', '拍摄地点', 20, 'm.place'),
      col('proof', '证明对象', 24, 'm.proof'),
      col('annotated', '已标注', 8, yesNo('m.annotated_at IS NOT NULL')),
      col('purged', '已按期清理', 10, yesNo('m.purged_at IS NOT NULL')),
      col('sha256', 'SHA-256', 66, 'm.sha256'),
    ];
    const w = whereBuilder();
    // recorded_at is a UTC instant (ISO): a local day runs from its local midnight to the next.
    if (f.from) w.add('m.recorded_at >= ?', localDayStartUtc(f.from));
    if (f.to) w.add('m.recorded_at < ?', localDayStartUtc(f.to, 1));
    if (f.officerId) w.add('m.officer_id = ?', f.officerId);
    if (f.deviceSerial) w.add('m.device_serial = ?', f.deviceSerial);
    if (f.annotated != null) w.add(f.annotated ? 'm.annotated_at IS NOT NULL' : 'm.annotated_at IS NULL AND m.purged_at IS NULL');
    return { columns, columnParams: [], from: 'media_items m LEFT JOIN officers o ON o.id = m.officer_id', where: w.where, whereParams: w.params, order: 'm.recorded_at DESC, m.id DESC' };
  },
};

/** 执法记录仪导出记录: one row per offload run. */
export const offloadLedger: LedgerDef = {
  name: 'offloads',
  unavailable: (app) => (hasMedia(app.db) ? null : NOT_INSTALLED),
  build(_env, f) {
    const columns = [
      col('startedAt', '开始时间', 17, localTime('r.started_at')),
      col('finishedAt', '结束时间', 17, localTime('r.finished_at')),
      col('device', '执法记录仪', 16, `nullif(r.device_serial, '')`),
      col('officer', '使用人', 10, '(SELECT o.name FROM devices d JOIN officers o ON o.id = d.officer_id WHERE d.serial = r.device_serial)'),
      col('folder', '来源', 26, 'r.folder'),
      col('state', '结果', 10, labelCase('r.state', RUN_STATES)),
      col('copied', '新导入（个）', 11, 'r.copied', 'number'),
      col('duplicates', '重复（个）', 10, 'r.duplicates', 'number'),
      col('skipped', '已导入过（个）', 12, 'r.skipped', 'number'),
      col('failed', '失败（个）', 10, 'r.failed', 'number'),
      col('mb', '数据量（MB）', 12, 'round(r.bytes / 1048576.0, 1)', 'number'),
      col('user', '操作人', 10, 'r.username'),
      col('message', '说明', 30, 'r.message'),
    ];
    const w = whereBuilder();
    if (f.from) w.add('r.started_at >= ?', localDayStartUtc(f.from));
    if (f.to) w.add('r.started_at < ?', localDayStartUtc(f.to, 1));
    if (f.deviceSerial) w.add('r.device_serial = ?', f.deviceSerial);
    return { columns, columnParams: [], from: 'ingest_runs r', where: w.where, whereParams: w.params, order: 'r.started_at DESC, r.id DESC' };
  },
};

/** 执法记录仪导出情况: one row per registered recorder, with its last completed offload. */
export const deviceLedger: LedgerDef = {
  name: 'devices',
  unavailable: (app) => (hasMedia(app.db) ? null : NOT_INSTALLED),
  build({ now }, f) {
    const last = `(SELECT max(coalesce(r.finished_at, r.started_at)) FROM ingest_runs r WHERE r.device_serial = d.serial AND r.state = 'done')`;
    const days = `CAST((julianday(?) - julianday(coalesce(${last}, d.created_at))) AS INTEGER)`;
    const columns = [
      col('serial', '序列号', 18, 'd.serial'),
      col('model', '型号', 14, 'd.model'),
      col('officer', '使用人', 10, 'o.name'),
      col('lastOffload', '上次导出', 17, `coalesce(${localTime(last)}, '从未导出')`),
      col('days', '距今天数', 9, days, 'number'),
      col('runs', '导出次数', 9, `(SELECT count(*) FROM ingest_runs r WHERE r.device_serial = d.serial AND r.state = 'done')`, 'number'),
      col('files', '已导入文件（个）', 14, `(SELECT count(*) FROM media_items m WHERE m.device_serial = d.serial)`, 'number'),
      col('notes', '备注', 24, 'd.notes'),
    ];
    const nowIso = now.toISOString();
    const w = whereBuilder();
    if (f.officerId) w.add('d.officer_id = ?', f.officerId);
    if (f.deviceSerial) w.add('d.serial = ?', f.deviceSerial);
    if (f.staleDays) w.add(`o.status = 'active' AND ${days} >= ?`, nowIso, f.staleDays);
    return { columns, columnParams: [nowIso], from: 'devices d LEFT JOIN officers o ON o.id = d.officer_id', where: w.where, whereParams: w.params, order: `${last} IS NOT NULL, ${last}, d.id` };
  },
};
