import type { Db } from '../db/connection.js';
import type { Bureau } from '../../shared/types.js';

export function createBureauRepo(db: Db) {
  const get = db.prepare(
    `SELECT name, unit_abbr AS unitAbbr, credit_code AS creditCode, website_name AS websiteName, address, phone FROM bureau WHERE id = 1`,
  );
  const upsert = db.prepare(
    `INSERT INTO bureau (id, name, unit_abbr, credit_code, website_name, address, phone, created_at)
     VALUES (1, @name, @unitAbbr, @creditCode, @websiteName, @address, @phone, @at)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, unit_abbr = excluded.unit_abbr, credit_code = excluded.credit_code,
       website_name = excluded.website_name, address = excluded.address, phone = excluded.phone`,
  );
  let cache: Bureau | null | undefined;
  return {
    get(): Bureau | null {
      if (cache === undefined) cache = (get.get() as Bureau | undefined) ?? null;
      return cache;
    },
    save(b: Bureau, at: string): void {
      upsert.run({ ...b, at });
      cache = { ...b };
    },
  };
}
