import type { Db } from './db/connection.js';
import { createUsersRepo } from './accounts/users-repo.js';
import { createCaseQueries } from './cases/cases-query.js';
import { createCasesRepo } from './cases/cases-repo.js';
import { createDevicesRepo, createOfficersRepo } from './officers/officers-repo.js';
import { createAuditQueries } from './audit/audit-queries.js';
import { createBureauRepo } from './settings/bureau-repo.js';

/** All repositories of one database, created once when the data folder opens. */
export function createRepos(db: Db) {
  return {
    bureau: createBureauRepo(db),
    users: createUsersRepo(db),
    officers: createOfficersRepo(db),
    devices: createDevicesRepo(db),
    cases: createCasesRepo(db),
    caseQueries: createCaseQueries(db),
    auditQueries: createAuditQueries(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
