import type { AppContext } from '../app.js';
import { caseGaps } from '../media/av-matters.js';

/**
 * The footage gap check of the ingest/media issue (issue 4, core/media/av-matters.ts) as review
 * needs it: the required audio-visual matters of a case (declared by the handler or implied by the
 * case type, 执法全过程记录) that have neither linked, tagged footage nor a signed 无法记录说明,
 * as sentences the handler can act on. A submission with gaps is refused.
 */
export function avGapsForCase(app: AppContext, caseId: number): string[] {
  return avCheck(app, caseId).gaps;
}

/** The gaps, and the matters whose footage is in place or whose absence is explained. */
export function avCheck(app: AppContext, caseId: number): { gaps: string[]; covered: Set<string> } {
  const matters = caseGaps(app, caseId).matters;
  return {
    gaps: matters
      .filter((g) => g.status === 'missing')
      .map((g) => `缺少“${g.label}”的音像记录（请关联执法记录仪视频并标注该事项，或由执法人员签署无法记录的书面说明）`),
    covered: new Set(matters.filter((g) => g.status !== 'missing').map((g) => g.matter)),
  };
}
