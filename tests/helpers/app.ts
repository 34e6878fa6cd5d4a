import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppContext } from '../../core/app.js';
import { authenticate } from '../../core/accounts/login.js';
import type { SessionUser } from '../../core/accounts/sessions.js';
import { dispatch } from '../../core/dispatch.js';
import type { ApiInput, OpName, OpOutput } from '../../shared/contract/index.js';
import type { Role } from '../../shared/roles.js';
import type { AppError } from '../../shared/result.js';
import { makeCreditCode } from '../../shared/logic/check-digits.js';

export const ADMIN_PASSWORD = 'Admin@2026';
export const USER_PASSWORD = 'User@2026x';

export interface TestApp {
  app: AppContext;
  dir: string;
  admin: SessionUser;
  /** Calls an operation as `user` and returns the value, throwing on failure. */
  call<K extends OpName>(op: K, input: ApiInput<K>, user?: SessionUser): Promise<OpOutput<K>>;
  /** Calls an operation and returns the error (throws if it succeeded). */
  fails<K extends OpName>(op: K, input: ApiInput<K>, user?: SessionUser): Promise<AppError>;
  /** Creates a user with roles (and optionally a linked officer) and returns it signed in. */
  user(username: string, roles: Role[], extra?: { officerId?: number; reviewerQualified?: boolean }): Promise<SessionUser>;
  close(): void;
}

/** A fresh data folder with an initialised bureau (unit 遂林) and admin. */
export async function makeTestApp(opts: { now?: () => Date } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'sanxiang-test-'));
  const app = openApp({ dataDir: dir, create: true, now: opts.now });
  const init = await dispatch(app, 'setup.initialize', {
    bureau: { name: '遂宁市林业局', unitAbbr: '遂林', creditCode: makeCreditCode('11510900MB1234567'), websiteName: '遂宁市林业局行政执法公示' },
    admin: { username: 'admin', displayName: '系统管理员', password: ADMIN_PASSWORD },
  });
  if (!init.ok) throw new Error(init.error.message);
  const admin = authenticate(app, 'admin', ADMIN_PASSWORD).user;

  async function call<K extends OpName>(op: K, input: ApiInput<K>, user: SessionUser = admin): Promise<OpOutput<K>> {
    const r = await dispatch(app, op, input, { user });
    if (!r.ok) throw Object.assign(new Error(`${op}: ${r.error.code} ${r.error.message}`), { appError: r.error });
    return r.value as OpOutput<K>;
  }
  async function fails<K extends OpName>(op: K, input: ApiInput<K>, user: SessionUser = admin): Promise<AppError> {
    const r = await dispatch(app, op, input, { user });
    if (r.ok) throw new Error(`${op} was expected to fail but succeeded`);
    return r.error;
  }
  async function user(username: string, roles: Role[], extra: { officerId?: number; reviewerQualified?: boolean } = {}) {
    await call('users.create', {
      username,
      displayName: username,
      roles,
      password: USER_PASSWORD,
      officerId: extra.officerId ?? null,
      reviewerQualified: extra.reviewerQualified ?? false,
    });
    return authenticate(app, username, USER_PASSWORD).user;
  }
  return {
    app,
    dir,
    admin,
    call,
    fails,
    user,
    close() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let certSeq = 0;
/** Input for an officer with a certificate valid for `days` days from 2026-01-01 (default: years). */
export function officerInput(name: string, certValidUntil = '2030-12-31') {
  certSeq++;
  return {
    name,
    unit: '遂宁市林业局',
    position: '科员',
    certNo: `510900${String(100000 + certSeq)}`,
    certValidUntil,
    category: '林业',
    region: '船山区',
  };
}
