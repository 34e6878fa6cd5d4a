import type { AlertLevel } from '../../../shared/supervision-types.js';

/** Colours and words of the three alert levels (红 须立即处理 / 橙 预警 / 蓝 提示). */
export const LEVEL_COLORS: Record<AlertLevel, string> = { danger: '#cf1322', warning: '#d46b08', info: '#1f5fa9' };
export const LEVEL_TAGS: Record<AlertLevel, { color: string; label: string }> = {
  danger: { color: 'error', label: '紧急' },
  warning: { color: 'warning', label: '预警' },
  info: { color: 'processing', label: '提示' },
};
