import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PARTY_KIND_LABELS } from '../../../shared/domain.js';
import type { CaseDetail, CaseHandler, Party } from '../../../shared/types.js';
import { useSession } from '../../app/session-context.js';
import { EditableText } from '../../components/EditableText.js';
import { can } from '../../lib/access.js';
import { useCommand } from '../../lib/use-api.js';
import { AddPartyModal } from './AddPartyModal.js';
import { HandlersModal } from './HandlersModal.js';
import { formatDateTime } from '../../../shared/logic/text.js';

/** 基本信息: facts, place and title (editable in place), parties and handlers. */
export function CaseInfoTab({ c, readOnly, onChange }: { c: CaseDetail; readOnly: boolean; onChange: (d: CaseDetail) => void }) {
  const { me } = useSession();
  const update = useCommand('cases.update');
  const [addingParty, setAddingParty] = useState(false);
  const [changingHandlers, setChangingHandlers] = useState(false);
  const editable = !readOnly && can(me, 'cases.update');

  const save = (field: 'title' | 'place' | 'facts', label: string) => async (v: string) => {
    const r = await update.run({ id: c.id, [field]: v }, { success: `${label}已保存` });
    if (r.ok) onChange(r.value);
    return r.ok;
  };

  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={3} styles={{ label: { width: 110 } }}>
        <Descriptions.Item label="案由" span={3}>
          <EditableText value={c.title} label="案由" editable={editable} required maxLength={120} onSave={save('title', '案由')} />
        </Descriptions.Item>
        <Descriptions.Item label="立案日期">{c.openedOn}</Descriptions.Item>
        <Descriptions.Item label="办理期限">
          {c.dueOn ?? '—'} {c.overdue && <Tag color="error">超期</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="结案日期">{c.closedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="地点" span={3}>
          <EditableText value={c.place} label="地点" editable={editable} maxLength={200} onSave={save('place', '地点')} />
        </Descriptions.Item>
        <Descriptions.Item label="基本事实" span={3}>
          <EditableText value={c.facts} label="基本事实" editable={editable} multiline maxLength={20000} onSave={save('facts', '基本事实')} />
        </Descriptions.Item>
        <Descriptions.Item label="登记时间">{formatDateTime(c.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="最后修改" span={2}>
          {formatDateTime(c.updatedAt)}
        </Descriptions.Item>
      </Descriptions>

      <div>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            当事人
          </Typography.Title>
          {!readOnly && can(me, 'cases.addParty') && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingParty(true)}>
              添加当事人
            </Button>
          )}
        </Flex>
        <Table<Party>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.parties}
          columns={[
            { title: '类型', width: 120, render: (_v, p) => PARTY_KIND_LABELS[p.kind] },
            {
              title: '姓名/名称',
              width: 200,
              render: (_v, p) => (
                <>
                  {p.name} {p.isMinor && <Tag color="orange">未成年人</Tag>}
                </>
              ),
            },
            { title: '证件号码', width: 200, render: (_v, p) => (p.kind === 'person' ? p.idNumber : p.creditCode) || '—' },
            { title: '法定代表人', width: 100, render: (_v, p) => (p.kind === 'organisation' ? p.legalRep || '—' : '—') },
            { title: '联系电话', dataIndex: 'phone', width: 140, render: (v: string) => v || '—' },
            { title: '住址/地址', dataIndex: 'address', render: (v: string) => v || '—' },
          ]}
        />
      </div>

      <div>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            承办人
          </Typography.Title>
          {!readOnly && can(me, 'cases.setHandlers') && (
            <Button size="small" icon={<TeamOutlined />} onClick={() => setChangingHandlers(true)}>
              变更承办人
            </Button>
          )}
        </Flex>
        <Table<CaseHandler>
          size="small"
          rowKey="officerId"
          pagination={false}
          dataSource={c.handlers}
          columns={[
            { title: '姓名', width: 200, render: (_v, h) => <>{h.name} {h.isLead && <Tag color="blue">主办</Tag>}</> },
            { title: '执法证号', dataIndex: 'certNo' },
          ]}
        />
      </div>
      {addingParty && <AddPartyModal caseId={c.id} onClose={() => setAddingParty(false)} onDone={onChange} />}
      {changingHandlers && <HandlersModal c={c} onClose={() => setChangingHandlers(false)} onDone={onChange} />}
    </Flex>
  );
}
