// 案卷封面: the printable cover sheet of a case file and its 卷内目录 (A4, @media print), with 打印.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton } from 'antd';
import { CASE_TYPE_LABELS, PROCEDURE_LABELS } from '../../../shared/domain.js';
import { formatBytes, formatDate } from '../../../shared/logic/text.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useQuery } from '../../lib/use-api.js';

const cnDate = (d: string | null | undefined) => (d ? `${d.slice(0, 4)} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日` : '');

export function CaseCoverPage({ id }: { id: number }) {
  const { me } = useSession();
  const q = useQuery('cases.get', { id });
  const archive = useQuery('archive.get', { caseId: id });
  const c = q.data;
  if (q.error && !c) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!c) return <Card><Skeleton active /></Card>;

  const records = c.records.filter((r) => !r.superseded);
  const archivedOn = c.stages.find((s) => s.stage === 'archived')?.enteredOn ?? null;
  const pkg = archive.data?.archive ?? null;
  const rows: [string, string][] = [
    ['案件编号', c.caseNo],
    ['案　　由', c.title],
    ['执法类别', `${CASE_TYPE_LABELS[c.caseType]}（${PROCEDURE_LABELS[c.procedure]}）`],
    ['当 事 人', c.parties.map((p) => p.name).join('、')],
    ['承 办 人', c.handlers.map((h) => `${h.name}（执法证 ${h.certNo}）`).join('、')],
    ['立案日期', cnDate(c.openedOn)],
    ['结案日期', cnDate(c.closedOn)],
    ['归档日期', cnDate(archivedOn)],
    ['卷内文件', `${records.length} 件`],
  ];

  return (
    <>
      <div className="sx-no-print">
        <PageTitle
          title="案卷封面"
          sub={c.caseNo}
          extra={
            <>
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/cases/${id}`)}>
                返回案件
              </Button>
              <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
                打印
              </Button>
            </>
          }
        />
      </div>
      <div className="sx-paper-stack">
        <section className="sx-paper sx-cover" aria-label="案卷封面">
          <div className="sx-cover-bureau">{me.bureau.name}</div>
          <div className="sx-cover-title">行政执法案卷</div>
          <table className="sx-cover-table">
            <tbody>
              {rows.map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
              <tr>
                <th>保管期限</th>
                <td className="sx-fill" />
              </tr>
            </tbody>
          </table>
          <div className="sx-cover-sign">
            <span>立卷人：</span>
            <span>审核人：</span>
            <span>立卷日期：　　年　　月　　日</span>
          </div>
          {pkg && (
            <div className="sx-cover-hash">
              电子案卷包：{pkg.files} 个文件，{formatBytes(pkg.totalBytes)}；清单 SHA-256：{pkg.manifestSha256}
            </div>
          )}
        </section>
        <section className="sx-paper sx-index" aria-label="卷内目录">
          <div className="sx-index-title">卷 内 目 录</div>
          <div className="sx-index-sub">{`${c.caseNo}　${c.title}`}</div>
          <table className="sx-index-table">
            <thead>
              <tr>
                <th style={{ width: '8%' }}>序号</th>
                <th>文件题名</th>
                <th style={{ width: '15%' }}>日期</th>
                <th style={{ width: '19%' }}>形式</th>
                <th style={{ width: '10%' }}>备注</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r, i) => (
                <tr key={r.id}>
                  <td className="sx-center">{i + 1}</td>
                  <td>{r.title}</td>
                  <td className="sx-center">{formatDate(r.createdAt)}</td>
                  <td className="sx-center">{r.fileName ? `附件 ${r.size != null ? formatBytes(r.size) : ''}` : '文字记录'}</td>
                  <td className="sx-center">{r.version > 1 ? `第 ${r.version} 版` : ''}</td>
                </tr>
              ))}
              {records.length === 0 && (
                <tr>
                  <td colSpan={5} className="sx-center">
                    本案暂无记录
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
