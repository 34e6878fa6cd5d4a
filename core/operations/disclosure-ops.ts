import { approveItem, rejectItem, submitItem, withdrawItem } from '../disclosure/approval.js';
import { createFromCase, createNotice } from '../disclosure/create.js';
import { deadlines } from '../disclosure/deadlines.js';
import { correctItem, setFindings, updateItem } from '../disclosure/edit.js';
import { svcOf } from '../disclosure/service.js';
import { loadDisclosureSettings, updateDisclosureSettings } from '../disclosure/settings.js';
import { itemDetail, listItems, previewItem } from '../disclosure/views.js';
import { invalid } from '../errors.js';
import { publishJobsFor } from '../publish/publish-jobs.js';
import { publishLog } from '../publish/publish-log.js';
import { normaliseFingerprint, probeHostKey } from '../publish/sftp-client.js';
import { deleteTarget, listTargets, resolveTarget, saveTarget, targetInfo } from '../publish/targets.js';
import { currentUser, type Handlers, type OpContext, type OpsWithPrefix } from './context.js';

const detail = (ctx: OpContext, id: number) => itemDetail(ctx.app, id, ctx.today());

export const disclosureHandlers: Handlers<OpsWithPrefix<'disclosure.' | 'publish.'>> = {
  'disclosure.list': (ctx, input) => listItems(ctx.app, input, ctx.today()),
  'disclosure.get': (ctx, { id }) => detail(ctx, id),
  'disclosure.createFromCase': (ctx, input) => detail(ctx, createFromCase(svcOf(ctx), input)),
  'disclosure.createNotice': (ctx, input) => detail(ctx, createNotice(svcOf(ctx), input)),
  'disclosure.update': (ctx, input) => {
    updateItem(svcOf(ctx), input);
    return detail(ctx, input.id);
  },
  'disclosure.setFindings': (ctx, input) => {
    setFindings(svcOf(ctx), input);
    return detail(ctx, input.id);
  },
  'disclosure.submit': (ctx, { id }) => {
    submitItem(svcOf(ctx), id);
    return detail(ctx, id);
  },
  'disclosure.approve': (ctx, { id, note }) => {
    approveItem(svcOf(ctx), id, note);
    return detail(ctx, id);
  },
  'disclosure.reject': (ctx, { id, reason }) => {
    rejectItem(svcOf(ctx), id, reason);
    return detail(ctx, id);
  },
  'disclosure.withdraw': (ctx, input) => {
    withdrawItem(svcOf(ctx), input);
    return detail(ctx, input.id);
  },
  'disclosure.correct': (ctx, input) => detail(ctx, correctItem(svcOf(ctx), input)),
  'disclosure.deadlines': (ctx) => deadlines(ctx.app, ctx.today()),
  'disclosure.preview': (ctx, { id }) => previewItem(ctx.app, id, ctx.today()),
  'disclosure.settings.get': (ctx) => loadDisclosureSettings(ctx.app),
  'disclosure.settings.update': (ctx, patch) => {
    const next = updateDisclosureSettings(ctx.app, patch);
    ctx.audit('settings', 'disclosureSettings', { patch });
    return next;
  },

  'publish.targets.list': (ctx) => listTargets(ctx.app),
  'publish.targets.save': (ctx, input) => {
    const id = saveTarget(ctx.app, input, ctx.nowIso());
    const info = targetInfo(ctx.app, id);
    const { password: _a, privateKey: _b, passphrase: _c, ...shown } = input;
    ctx.audit('publishTarget', id, { saved: { ...shown, secretChanged: input.password !== undefined || !!input.privateKey || !!input.privateKeyPath } });
    return info;
  },
  'publish.targets.delete': (ctx, { id }) => {
    deleteTarget(ctx.app, id, ctx.nowIso());
    ctx.audit('publishTarget', id, { deleted: true });
    return { deleted: true as const };
  },
  'publish.hostKey': async (ctx, input) => {
    let host = input.host;
    let port = input.port ?? 22;
    let pinned: string | null = null;
    if (input.targetId) {
      const t = resolveTarget(ctx.app, input.targetId);
      if (t.kind !== 'sftp') throw invalid('只有 SFTP 发布目标需要确认主机密钥。');
      host = t.sftp.host;
      port = t.sftp.port;
      pinned = t.sftp.hostKey;
    }
    if (!host) throw invalid('请填写服务器地址，或选择一个发布目标。');
    const { fingerprint, algorithm } = await probeHostKey(host, port);
    const norm = pinned ? normaliseFingerprint(pinned) : null;
    return { host, port, fingerprint, algorithm, pinned: norm, matches: norm ? norm === fingerprint : null };
  },
  'publish.run': async (ctx, { targetId, wait }) => {
    const u = currentUser(ctx);
    const jobs = publishJobsFor(ctx.app);
    const status = jobs.start(resolveTarget(ctx.app, targetId), { id: u.id, username: u.username });
    return wait ? jobs.wait(status.jobId) : status;
  },
  'publish.status': (ctx, { jobId }) => (jobId ? [publishJobsFor(ctx.app).get(jobId)] : publishJobsFor(ctx.app).list()),
  'publish.cancel': (ctx, { jobId }) => publishJobsFor(ctx.app).cancel(jobId),
  'publish.log': (ctx, input) => publishLog(ctx.app, input),
};
