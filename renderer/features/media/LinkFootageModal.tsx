import { DatePicker, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { fromDay, toDay } from '../../lib/dates.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { FootageTable } from './FootageTable.js';
import { useAvMatters } from './use-av-matters.js';

/** 关联音像记录: pick clips from the vault (newest first, searchable) and link them to this case. */
export function LinkFootageModal({ caseId, caseNo, linked, onClose, onDone }: { caseId: number; caseNo: string; linked: number[]; onClose: () => void; onDone: () => void }) {
  const [q, setQ] = useState('');
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const list = useQuery('media.list', { q: q || undefined, from: range.from, to: range.to, page, pageSize: 10 });
  const link = useCommand('media.linkToCase');
  const { label } = useAvMatters();
  const already = new Set(linked);

  const submit = async () => {
    const r = await link.run({ ids: selected, caseId }, { success: (v) => `已将 ${v.linked} 个音像记录关联到 ${v.caseNo}` });
    if (r.ok) onDone();
  };

  return (
    <Modal
      open
      width={1080}
      title={`关联音像记录到 ${caseNo}`}
      okText={selected.length ? `关联 ${selected.length} 个` : '关联'}
      cancelText="取消"
      okButtonProps={{ disabled: !selected.length, loading: link.pending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Flex gap={8} style={{ marginBottom: 12 }} align="center">
        <Input.Search aria-label="搜索音像记录" placeholder="文件名、地点、证明对象…" allowClear onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 300 }} enterButton="搜索" />
        <DatePicker.RangePicker
          placeholder={['拍摄日期起', '拍摄日期止']}
          allowEmpty={[true, true]}
          value={[toDay(range.from), toDay(range.to)]}
          onChange={(r) => { setRange({ from: fromDay(r?.[0]), to: fromDay(r?.[1]) }); setPage(1); }}
        />
        <Typography.Text type="secondary">关联后，音像记录作为本案证据随案保存，不会到期清理。</Typography.Text>
      </Flex>
      <FootageTable
        rows={list.data?.rows ?? []}
        matterLabel={label}
        loading={list.loading}
        hide={['device']}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (m) => ({ disabled: already.has(m.id) }),
        }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个`, showSizeChanger: false }}
        locale={{ emptyText: '没有找到音像记录' }}
      />
    </Modal>
  );
}
