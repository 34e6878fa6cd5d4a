// How the 音像记录事项清单 reads for a clerk.
import type { AvRequirement } from '../../../shared/media-types.js';

export const REQUIREMENT_LABELS: Record<AvRequirement, string> = { full: '全程音像记录', av: '音像记录' };

export const REQUIREMENT_HELP: Record<AvRequirement, string> = {
  full: '从到达现场、表明身份到执法活动结束、离开现场，不间断记录',
  av: '对执法活动的关键环节进行音像记录',
};

/** Stages of a case where a matter usually happens (free text is allowed too). */
export const STAGE_SUGGESTIONS = ['立案', '调查取证', '审查', '告知', '听证', '决定', '送达', '执行'];

/** A new matter's key: the clerk never sees it, it only has to be unique and stable. */
export const newMatterKey = (): string => `m-${Date.now().toString(36)}`;
