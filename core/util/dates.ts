/** The UTC instant (ISO) at which a local calendar date starts, optionally `plusDays` later. */
export function localDayStartUtc(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}
