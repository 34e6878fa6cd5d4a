import type {
  DisclosureKind,
  DisclosureState,
  PartyType,
  PublishTargetKind,
  WithdrawEvent,
} from './disclosure-domain.js';
import type { FindingKind } from './logic/redact/index.js';

/** Shapes of disclosure content and of the results of the disclosure and publish operations. */

/** The 双公示 fields of a result (处罚 / 许可 / 强制 / 征收 / 检查), as entered (before redaction). */
export interface ResultFields {
  partyName: string;
  partyType: PartyType;
  /** 统一社会信用代码 of an organisation or 个体工商户 (never a person's ID number). */
  creditCode: string;
  /** 法定代表人 / 负责人 / 经营者 (published by convention). */
  legalRep: string;
  decisionNo: string;
  category: string;
  /** 违法行为类型 / 违反的法律条款. */
  violation: string;
  facts: string;
  /** 处罚依据 / 许可依据. */
  basis: string;
  content: string;
  /** Fine in yuan (罚款金额). */
  fine: number | null;
  /** Confiscated gains and property in yuan (没收违法所得、没收非法财物的金额). */
  confiscation: number | null;
  decidedOn: string;
  /** 有效期至 (permits) — empty when not applicable. */
  validUntil: string;
  authority: string;
  authorityCreditCode: string;
  /** The decision's full text (决定书全文); the published PDF is regenerated from its redacted form. */
  fullText: string;
}

export interface NoticeTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** Before-the-fact notices and the annual report: sections of text, an optional table and image. */
export interface NoticeFields {
  sections: { heading: string; text: string }[];
  table: NoticeTable | null;
  imageAlt: string;
}

/** The frozen public form of one version: everything the site shows, already redacted. */
export interface PublicItem {
  kind: DisclosureKind;
  title: string;
  date: string;
  rows: { label: string; value: string }[];
  sections: { heading: string; text: string }[];
  table: NoticeTable | null;
  image: { sha256: string; size: number; mime: string; ext: string; alt: string } | null;
  pdf: { sha256: string; size: number } | null;
  list: { no: string; party: string };
  corrections: { date: string; note: string }[];
}

export interface FindingView {
  kind: FindingKind;
  kindLabel: string;
  start: number;
  end: number;
  text: string;
  replacement: string;
  source: 'auto' | 'manual';
}

/** One redactable field: the original text, what will be published, and the highlighted findings. */
export interface RedactedFieldView {
  key: string;
  label: string;
  original: string;
  redacted: string;
  findings: FindingView[];
}

export interface DisclosureSummary {
  id: number;
  seriesId: number;
  version: number;
  kind: DisclosureKind;
  kindLabel: string;
  state: DisclosureState;
  stateLabel: string;
  title: string;
  itemDate: string;
  caseId: number | null;
  caseNo: string | null;
  decisionId: number | null;
  decisionNo: string;
  author: string;
  publishDueOn: string | null;
  /** Past its publish (or take-down) deadline and still not done. */
  overdue: boolean;
  withdrawDueOn: string | null;
  correctionNote: string | null;
  updatedAt: string;
}

export interface DisclosureEvent {
  action: string;
  actionLabel: string;
  by: string;
  at: string;
  note: string;
}

export interface DisclosureDetail extends DisclosureSummary {
  result: ResultFields | null;
  notice: NoticeFields | null;
  partyIsPerson: boolean;
  partyIsMinor: boolean;
  otherPersonNames: string[];
  image: { sha256: string; name: string; mime: string } | null;
  fields: RedactedFieldView[];
  /** Values a reviewer undid (published on purpose). */
  kept: string[];
  /** Manual masks that no longer match the edited text and were dropped. */
  staleMasks: { field: string; text: string }[];
  check: { ok: boolean; message: string; leaks: { field: string; kind: FindingKind; text: string }[] };
  contentHash: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Users who wrote or edited this version: none of them may approve it (four eyes). */
  writtenBy: number[];
  rejectReason: string | null;
  withdrawEvent: WithdrawEvent | null;
  withdrawReason: string | null;
  withdrawEventOn: string | null;
  takenDownAt: string | null;
  takedownDueOn: string | null;
  firstPublishedAt: string | null;
  /** Path of the item's page on the public site. */
  sitePath: string;
  events: DisclosureEvent[];
  versions: { id: number; version: number; state: DisclosureState; correctionNote: string | null }[];
}

export interface DisclosureList {
  rows: DisclosureSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DeadlineEntry {
  id: number;
  kind: DisclosureKind;
  title: string;
  state: DisclosureState;
  dueOn: string;
  /** Working days left (negative when overdue). */
  workdaysLeft: number;
}

export interface DisclosureDeadlines {
  today: string;
  publishOverdue: DeadlineEntry[];
  publishAtRisk: DeadlineEntry[];
  withdrawOverdue: DeadlineEntry[];
  withdrawAtRisk: DeadlineEntry[];
  takedownDue: DeadlineEntry[];
}

export interface PublishTargetInfo {
  id: number;
  name: string;
  kind: PublishTargetKind;
  host: string;
  port: number;
  username: string;
  remoteDir: string;
  hostKey: string;
  auth: 'password' | 'key';
  hasSecret: boolean;
  folderPath: string;
  keepReleases: number;
  lastRelease: string | null;
  lastPublishedAt: string | null;
}

export interface PublishResult {
  release: string;
  /** False when nothing changed since the live release (nothing uploaded, no switch). */
  switched: boolean;
  files: number;
  uploaded: number;
  linked: number;
  /** Files already uploaded by an interrupted publish and kept. */
  resumed: number;
  /** Files of the previous release no longer in this one. */
  deleted: number;
  bytes: number;
  prunedReleases: number;
  items: number;
  /** For a CMS package: where the zip was written. */
  output: string | null;
}

export type PublishPhase = 'building' | 'checking' | 'connecting' | 'uploading' | 'switching' | 'cleaning' | 'done';

export interface PublishProgress {
  phase: PublishPhase;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface PublishJobStatus {
  jobId: string;
  targetId: number;
  targetName: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: PublishProgress;
  result: PublishResult | null;
  error: { code: string; message: string; details?: unknown } | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface PublishLogEntry {
  id: number;
  targetId: number | null;
  targetName: string;
  username: string;
  /** The publisher's display name (the account name when the account is gone). */
  operator: string;
  startedAt: string;
  finishedAt: string | null;
  state: string;
  release: string | null;
  items: number;
  files: number;
  uploaded: number;
  deleted: number;
  bytes: number;
  errorCode: string | null;
  errorMessage: string | null;
}
