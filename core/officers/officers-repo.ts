import type { Db } from '../db/connection.js';
import type { Officer } from '../../shared/types.js';

/** An officer as stored (the certificate state is derived on read). */
export type OfficerRow = Omit<Officer, 'certificateState' | 'certificateDaysLeft'>;
export type OfficerFields = Omit<OfficerRow, 'id'>;

const COLUMNS = `id, name, unit, position, cert_no AS certNo, cert_valid_until AS certValidUntil, category, region,
  status, phone, officer_no AS officerNo`;

export function createOfficersRepo(db: Db) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM officers WHERE id = ?`);
  const byCert = db.prepare(`SELECT ${COLUMNS} FROM officers WHERE cert_no = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM officers ORDER BY id`);
  const insert = db.prepare(
    `INSERT INTO officers (name, unit, position, cert_no, cert_valid_until, category, region, status, phone, officer_no, created_at, updated_at)
     VALUES (@name, @unit, @position, @certNo, @certValidUntil, @category, @region, @status, @phone, @officerNo, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE officers SET name = @name, unit = @unit, position = @position, cert_no = @certNo, cert_valid_until = @certValidUntil,
       category = @category, region = @region, status = @status, phone = @phone, officer_no = @officerNo, updated_at = @at
     WHERE id = @id`,
  );
  return {
    get: (id: number) => (byId.get(id) as OfficerRow | undefined) ?? null,
    byCertNo: (certNo: string) => (byCert.get(certNo) as OfficerRow | undefined) ?? null,
    list: () => all.all() as OfficerRow[],
    insert: (o: OfficerFields, at: string) => Number(insert.run({ ...o, at }).lastInsertRowid),
    update: (o: OfficerRow, at: string) => update.run({ ...o, at }),
  };
}

export interface DeviceRow {
  id: number;
  serial: string;
  model: string;
  officerId: number | null;
  officerName: string | null;
  notes: string;
}

const DEVICE_COLUMNS = `d.id, d.serial, d.model, d.officer_id AS officerId, o.name AS officerName, d.notes`;

export function createDevicesRepo(db: Db) {
  const byId = db.prepare(`SELECT ${DEVICE_COLUMNS} FROM devices d LEFT JOIN officers o ON o.id = d.officer_id WHERE d.id = ?`);
  const bySerial = db.prepare(`SELECT ${DEVICE_COLUMNS} FROM devices d LEFT JOIN officers o ON o.id = d.officer_id WHERE d.serial = ?`);
  const all = db.prepare(`SELECT ${DEVICE_COLUMNS} FROM devices d LEFT JOIN officers o ON o.id = d.officer_id ORDER BY d.serial`);
  const insert = db.prepare(
    `INSERT INTO devices (serial, model, officer_id, notes, created_at, updated_at) VALUES (@serial, @model, @officerId, @notes, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE devices SET serial = @serial, model = @model, officer_id = @officerId, notes = @notes, updated_at = @at WHERE id = @id`,
  );
  return {
    get: (id: number) => (byId.get(id) as DeviceRow | undefined) ?? null,
    bySerial: (serial: string) => (bySerial.get(serial) as DeviceRow | undefined) ?? null,
    list: () => all.all() as DeviceRow[],
    insert: (d: Omit<DeviceRow, 'id' | 'officerName'>, at: string) => Number(insert.run({ ...d, at }).lastInsertRowid),
    update: (d: Omit<DeviceRow, 'officerName'>, at: string) => update.run({ ...d, at }),
  };
}
