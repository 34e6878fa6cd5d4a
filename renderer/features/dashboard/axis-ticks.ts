// The value axis of the 工作台 trend charts: round steps, labels that keep the step's precision.

/**
 * Axis ticks: 0 and four or five round steps (1, 2 or 5 × 10ⁿ; whole numbers for counts, hundredths
 * at the finest otherwise, as the values are) reaching `v`.
 */
export function axisTicks(v: number, whole: boolean): number[] {
  if (v <= 0) return [0, 1, 2, 3, 4];
  const raw = Math.max(v, whole ? 4 : 0.04) / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * p).find((x) => x >= raw)!;
  if (whole) step = Math.max(1, Math.round(step));
  const n = Math.max(1, Math.ceil(v / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, i) => i * step);
}

/** Axis labels keep the step's precision (0.05 stays 0.05). */
export const fmtTick = (n: number) => String(Number(n.toFixed(2)));
