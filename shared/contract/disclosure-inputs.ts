import { z } from 'zod';
import { FINDING_KINDS } from '../logic/redact/index.js';
import { NOTICE_KINDS, PARTY_TYPES, RESULT_KINDS, WITHDRAW_EVENTS } from '../disclosure-domain.js';
import { date, id, text } from './fields.js';

/** Input schemas of the disclosure and publish operations (no defaults: drafts are filled in steps). */

const str = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const money = (label: string) => z.number().min(0, `${label}不能为负数`).max(1e11, `${label}过大，请核对`).nullable();
const optDate = (label: string) => z.union([date(label), z.literal('')]);

/** The 双公示 fields; every one optional so a draft can be saved half-filled (submit checks completeness). */
export const ResultPatch = z
  .object({
    partyName: str('当事人名称', 100),
    partyType: z.enum(PARTY_TYPES),
    creditCode: z.string().trim().toUpperCase().max(18, '统一社会信用代码为 18 位'),
    legalRep: str('法定代表人', 40),
    decisionNo: str('决定书文号', 80),
    category: str('类别', 200),
    violation: str('违法行为类型', 1000),
    facts: str('主要事实', 5000),
    basis: str('依据', 2000),
    content: str('决定内容', 3000),
    fine: money('罚款金额'),
    confiscation: money('没收金额'),
    decidedOn: optDate('决定日期'),
    validUntil: optDate('有效期'),
    authority: str('决定机关', 100),
    authorityCreditCode: z.string().trim().toUpperCase().max(18, '统一社会信用代码为 18 位'),
    fullText: str('决定书全文', 30000),
  })
  .partial();

export const NoticeTableInput = z.object({
  caption: str('表格标题', 200).default(''),
  columns: z.array(str('列名', 40)).min(1, '表格至少要有一列').max(12, '表格最多 12 列'),
  rows: z.array(z.array(str('单元格', 1000)).max(12)).max(2000, '表格最多 2000 行'),
});

export const NoticePatch = z
  .object({
    sections: z
      .array(z.object({ heading: str('小标题', 100).default(''), text: str('正文', 20000).default('') }))
      .max(30, '最多 30 个段落'),
    table: NoticeTableInput.nullable(),
    imageAlt: str('图片说明', 500),
  })
  .partial();

/** A flowchart image uploaded with the notice (PNG or JPEG, base64). */
export const ImageInput = z.object({
  fileName: text('文件名', 200).refine((n) => /\.(png|jpe?g)$/i.test(n), '流程图请使用 PNG 或 JPG 图片'),
  base64: z.string().min(1).max(14_000_000, '图片不能超过 10 MB'),
});

const personNames = z.array(z.string().trim().min(2).max(20)).max(100);

export const CreateFromCaseInput = z.object({
  caseId: id,
  /** The party the decision is about (default: the case's first party). */
  partyId: id.optional(),
  kind: z.enum(RESULT_KINDS).optional(),
  title: str('标题', 200).optional(),
  result: ResultPatch.optional(),
  /** Other natural persons named in the text (witnesses, family …); the case's other parties are added. */
  otherPersonNames: personNames.optional(),
});

export const CreateNoticeInput = z.object({
  kind: z.enum(NOTICE_KINDS),
  title: text('标题', 200),
  itemDate: date('公开日期').optional(),
  notice: NoticePatch.optional(),
  image: ImageInput.optional(),
});

export const UpdateInput = z.object({
  id,
  title: str('标题', 200).optional(),
  itemDate: date('公开日期').optional(),
  result: ResultPatch.optional(),
  notice: NoticePatch.optional(),
  image: ImageInput.optional(),
  partyIsPerson: z.boolean().optional(),
  otherPersonNames: personNames.optional(),
});

export const SetFindingsInput = z.object({
  id,
  /** Masks added by hand (the full set; offsets into the field's original text). */
  masks: z
    .array(
      z.object({
        field: z.string().min(1).max(40),
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        kind: z.enum(FINDING_KINDS as unknown as [string, ...string[]]),
        replacement: z.string().max(100).optional(),
      }),
    )
    .max(500),
  /** Values published on purpose (a reviewer's undo of an automatic finding; the full set). */
  kept: z.array(z.string().trim().min(1).max(200)).max(200),
});

export const WithdrawInput = z.object({
  id,
  event: z.enum(WITHDRAW_EVENTS),
  eventOn: date('事件日期'),
  reason: text('撤回原因', 1000),
});

export const CorrectInput = z.object({
  id,
  note: text('更正说明', 1000),
  title: str('标题', 200).optional(),
  result: ResultPatch.optional(),
  notice: NoticePatch.optional(),
});

export const ListInput = z.object({
  state: z.enum(['draft', 'pending', 'approved', 'published', 'withdrawn', 'superseded']).optional(),
  kind: z.enum([...RESULT_KINDS, ...NOTICE_KINDS] as [string, ...string[]]).optional(),
  overdue: z.boolean().optional(),
  /** Items drafted from one case (every state but superseded unless `state` says otherwise). */
  caseId: id.optional(),
  q: z.string().trim().max(60).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

const hostName = z
  .string()
  .trim()
  .min(1, '请填写服务器地址')
  .max(253)
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, '服务器地址只能包含字母、数字、点、横线（或 IPv6 地址）');
const port = z.number().int().min(1).max(65535);

export const TargetInput = z.object({
  id: id.optional(),
  name: text('名称', 60),
  kind: z.enum(['sftp', 'folder', 'cms']),
  host: z.union([hostName, z.literal('')]).default(''),
  port: port.default(22),
  username: z.string().trim().max(64).default(''),
  remoteDir: z.string().trim().max(500).default(''),
  /** Pinned host key (SHA256:… as shown by publish.hostKey). */
  hostKey: z.string().trim().max(100).default(''),
  auth: z.enum(['password', 'key']).default('key'),
  /** Secrets: omitted on update = unchanged. Stored encrypted, never returned. */
  password: z.string().max(200).optional(),
  privateKey: z.string().max(20000).optional(),
  privateKeyPath: z.string().max(1000).optional(),
  passphrase: z.string().max(200).optional(),
  folderPath: z.string().trim().max(1000).default(''),
  keepReleases: z.number().int().min(1).max(50).default(5),
});

export const HostKeyInput = z.object({ targetId: id.optional(), host: hostName.optional(), port: port.optional() });
