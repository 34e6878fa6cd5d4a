import { useSession } from '../app/session-context.js';
import { today } from '../lib/dates.js';

/** The heading of a printed list (bureau, title, what is on the page, who printed it and when); hidden on screen. */
export function PrintHeader({ title, lines = [] }: { title: string; lines?: string[] }) {
  const { me } = useSession();
  return (
    <div className="sx-print-only sx-print-header">
      <div className="sx-print-title">{`${me.bureau.name}${title}`}</div>
      <div className="sx-print-meta">
        {[...lines.filter(Boolean), `打印人：${me.user.displayName}　打印日期：${today()}`].map((l) => (
          <span key={l}>{l}</span>
        ))}
      </div>
    </div>
  );
}
