import { Alert, Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ApiInput } from '../../../shared/contract/index.js';
import type { MediaKind } from '../../../shared/media-types.js';
import { navigate, type Query } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { usePoll } from '../../lib/use-poll.js';
import { BulkAnnotateModal } from './BulkAnnotateModal.js';
import { FOOTAGE_FILTER_KEYS, FootageFilters, type FootageFilterValues } from './FootageFilters.js';
import { FootageTable } from './FootageTable.js';
import { useAvMatters } from './use-av-matters.js';

/** URL query → media.list input. */
function toListInput(f: FootageFilterValues, page: number, pageSize: number, staleDays: number | undefined): ApiInput<'media.list'> {
  return {
    q: f.q || undefined,
    officerId: f.officerId ? Number(f.officerId) : undefined,
    deviceSerial: f.device || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    annotated: f.annotated === 'yes' ? true : f.annotated === 'no' ? false : undefined,
    caseId: f.caseId ? Number(f.caseId) : undefined,
    important: f.important === '1' ? true : undefined,
    kind: (f.kind as MediaKind) || undefined,
    unannotatedOlderThanDays: f.stale === '1' ? staleDays : undefined,
    page,
    pageSize,
  };
}

/** Thumbnails and proxies are made in the background after an import; say so and refresh when done. */
function useDeriveQueue(onIdle: () => void): number {
  const q = usePoll('media.queue', {}, 2000);
  const busy = q.data ? q.data.pending + (q.data.current ? 1 : 0) : 0;
  const last = useRef(busy);
  useEffect(() => {
    if (busy < last.current) onIdle();
    last.current = busy;
  }, [busy, onIdle]);
  return busy;
}

/** 音像记录: everything in the vault, filtered, with thumbnails; select rows to annotate them together. */
export function FootageLibrary({ query }: { query: Query }) {
  const { me } = useSession();
  const page = Math.max(1, Number(query.page) || 1);
  const pageSize = Number(query.pageSize) || 20;
  const filters: FootageFilterValues = Object.fromEntries(FOOTAGE_FILTER_KEYS.filter((k) => query[k]).map((k) => [k, query[k]]));
  const settings = useQuery('media.settings.get', {});
  const staleDays = settings.data?.unannotatedAlertDays;
  const list = useQuery('media.list', toListInput(filters, page, pageSize, staleDays), { skip: filters.stale === '1' && !staleDays });
  const stale = useQuery('media.list', { unannotatedOlderThanDays: staleDays ?? 0, page: 1, pageSize: 1 }, { skip: !staleDays });
  const officers = useQuery('officers.list', {});
  const { label } = useAvMatters();
  const [selected, setSelected] = useState<number[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const busy = useDeriveQueue(list.reload);
  const canAnnotate = can(me, 'media.bulkAnnotate');
  const filtered = Object.keys(filters).length > 0;
  const go = (f: FootageFilterValues, extra: Record<string, string | number | undefined> = {}) => navigate('/media', { tab: 'library', ...f, ...extra }, { replace: true });
  const staleCount = stale.data?.total ?? 0;

  return (
    <>
      {staleCount > 0 && filters.stale !== '1' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${staleCount} 个音像记录导入已超过 ${staleDays} 天仍未标注`}
          description="未标注的音像记录不能说明证明什么，也不会计入案件的音像记录。请尽快补充标注。"
          action={<Button size="small" onClick={() => go({ stale: '1' })}>查看</Button>}
        />
      )}
      {filters.stale === '1' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`正在查看：导入超过 ${staleDays ?? '…'} 天仍未标注的音像记录`} action={<Button size="small" onClick={() => go({})}>查看全部</Button>} />
      )}
      <FootageFilters value={filters} officers={officers.data ?? []} onChange={(f) => go(f)} />
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {(canAnnotate || busy > 0) && (
        <Flex justify="space-between" align="center" style={{ marginBottom: 8, minHeight: 32 }}>
          <Flex gap={8} align="center">
            {canAnnotate && (
              <>
                <Button type="primary" disabled={!selected.length} onClick={() => setBulkOpen(true)}>
                  批量标注{selected.length ? `（${selected.length}）` : ''}
                </Button>
                {selected.length > 0 && <Button type="link" onClick={() => setSelected([])}>取消选择</Button>}
                {!selected.length && <Typography.Text type="secondary">勾选多个文件可一次标注</Typography.Text>}
              </>
            )}
          </Flex>
          {busy > 0 && <Typography.Text type="secondary">正在后台生成缩略图和播放副本，还有 {busy} 个…</Typography.Text>}
        </Flex>
      )}
      <FootageTable
        rows={list.data?.rows ?? []}
        matterLabel={label}
        loading={list.loading}
        rowSelection={canAnnotate ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), preserveSelectedRowKeys: true } : undefined}
        rowClassName={() => 'sx-row-link'}
        onRow={(m) => ({ onClick: (e) => !(e.target as HTMLElement).closest('.ant-table-selection-column') && navigate(`/media/${m.id}`) })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 个`,
          onChange: (p, ps) => go(filters, { page: p > 1 ? p : undefined, pageSize: ps !== 20 ? ps : undefined }),
        }}
        locale={{
          emptyText: filtered ? (
            <EmptyHint text="没有符合条件的音像记录，请调整筛选条件" action={<a onClick={() => go({})}>清除条件</a>} />
          ) : (
            <EmptyHint text={can(me, 'media.ingest') ? '证据库中还没有音像记录。插入执法记录仪后，在“设备与导入”中点击“导入”。' : '证据库中还没有音像记录'} />
          ),
        }}
      />
      {bulkOpen && (
        <BulkAnnotateModal
          ids={selected}
          officers={officers.data ?? []}
          onClose={() => setBulkOpen(false)}
          onDone={() => {
            setBulkOpen(false);
            setSelected([]);
            list.reload();
          }}
        />
      )}
    </>
  );
}
