// The bureau's 音像记录事项清单 (matter key → label), loaded once per screen.
import { useMemo } from 'react';
import type { AvMatter } from '../../../shared/media-types.js';
import { useQuery } from '../../lib/use-api.js';

export function useAvMatters(): { matters: AvMatter[]; label: (key: string) => string } {
  const q = useQuery('media.avMatters.get', {});
  return useMemo(() => {
    const matters = q.data ?? [];
    const byKey = new Map(matters.map((m) => [m.key, m.label]));
    return { matters, label: (key: string) => byKey.get(key) ?? key };
  }, [q.data]);
}
