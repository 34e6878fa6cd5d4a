import type { CaseStatus, CaseType, OfficerStatus, PartyKind, Procedure, RecordKind, Stage } from './domain.js';
import type { Role } from './roles.js';

/** Result shapes returned by the API (inputs are the zod schemas in shared/contract). */

export interface Bureau {
  name: string;
  unitAbbr: string;
  creditCode: string;
  websiteName: string;
  address: string;
  phone: string;
}

export interface UserInfo {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  officerId: number | null;
  reviewerQualified: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface Me {
  user: UserInfo;
  bureau: Bureau;
  idleMinutes: number;
}

export type CertificateState = 'valid' | 'expiring' | 'expired';

export interface Officer {
  id: number;
  name: string;
  unit: string;
  position: string;
  certNo: string;
  certValidUntil: string;
  category: string;
  region: string;
  status: OfficerStatus;
  phone: string;
  officerNo: string;
  certificateState: CertificateState;
  /** Days until the certificate expires (negative once expired). */
  certificateDaysLeft: number;
}

export interface PublicRosterRow {
  name: string;
  unit: string;
  position: string;
  certNo: string;
  category: string;
  region: string;
}

export interface Device {
  id: number;
  serial: string;
  model: string;
  officerId: number | null;
  officerName: string | null;
  notes: string;
}

export interface Party {
  id: number;
  kind: PartyKind;
  name: string;
  idNumber: string;
  creditCode: string;
  legalRep: string;
  phone: string;
  address: string;
  isMinor: boolean;
}

export interface CaseSummary {
  id: number;
  caseNo: string;
  caseType: CaseType;
  procedure: Procedure;
  title: string;
  stage: Stage;
  status: CaseStatus;
  place: string;
  openedOn: string;
  dueOn: string | null;
  partySummary: string;
  handlerSummary: string;
  overdue: boolean;
  /** Search hits with the matched text wrapped in 【】 markers; only for full-text queries. */
  snippet?: string;
}

export interface CaseList {
  rows: CaseSummary[];
  /** Exact up to 10,000; `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export interface StageEntry {
  id: number;
  stage: Stage;
  enteredOn: string;
  note: string;
  by: string | null;
  createdAt: string;
}

export interface CaseRecord {
  id: number;
  kind: RecordKind;
  title: string;
  body: string;
  fileName: string | null;
  mime: string | null;
  sha256: string | null;
  size: number | null;
  supersedes: number | null;
  version: number;
  /** True when a newer version of this record exists. */
  superseded: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface TimelineEvent {
  at: string;
  kind: 'stage' | 'record' | 'audit';
  title: string;
  detail: string;
  by: string | null;
}

export interface CaseHandler {
  officerId: number;
  name: string;
  certNo: string;
  isLead: boolean;
}

export interface CaseDetail extends CaseSummary {
  facts: string;
  voidReason: string | null;
  closedOn: string | null;
  parties: Party[];
  handlers: CaseHandler[];
  stages: StageEntry[];
  records: CaseRecord[];
  timeline: TimelineEvent[];
  createdAt: string;
  updatedAt: string;
}

export interface FieldWarning {
  field: string;
  message: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string;
  operation: string;
  objectType: string;
  objectId: string;
  summary: string;
  hash: string;
}

export interface AuditPage {
  rows: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditVerify {
  ok: boolean;
  entries: number;
  firstBad: number | null;
  problem: string | null;
  headHash: string;
}

export interface DashboardSummary {
  openCases: number;
  casesByStage: Record<string, number>;
  casesByType: Record<string, number>;
  overdueCases: number;
  openedThisMonth: number;
  closedThisMonth: number;
  certificatesExpiring: Officer[];
  certificatesExpired: Officer[];
  recentCases: CaseSummary[];
}
