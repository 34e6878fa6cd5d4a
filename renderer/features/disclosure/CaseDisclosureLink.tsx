// On a case with a recorded decision: 查看公示 when the case already has a disclosure item
// (the draft made when the decision was recorded), else 起草公示 (disclosure.createFromCase).
import { Button, Space, Tag } from 'antd';
import { navigate } from '../../app/router.js';
import { canOpen } from '../../app/nav.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

export function CaseDisclosureLink({ caseId, voided }: { caseId: number; voided: boolean }) {
  const { me } = useSession();
  const visible = canOpen(me, 'disclosure') && can(me, 'disclosure.list');
  const items = useQuery('disclosure.list', { caseId, page: 1, pageSize: 20 }, { skip: !visible });
  const create = useCommand('disclosure.createFromCase');
  if (!visible || !items.data) return null;
  const rows = items.data.rows.filter((r) => r.state !== 'withdrawn');

  if (rows.length) {
    return (
      <Space size={4} wrap>
        {rows.map((r) => (
          <Button key={r.id} size="small" onClick={() => navigate(`/disclosure/${r.id}`)}>
            查看公示 <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{r.stateLabel}</Tag>
          </Button>
        ))}
      </Space>
    );
  }
  if (voided || !can(me, 'disclosure.createFromCase')) return null;
  return (
    <Button
      size="small"
      type="primary"
      loading={create.pending}
      onClick={async () => {
        const r = await create.run({ caseId }, { success: '已起草公示，请核对脱敏标记后提交审核' });
        if (r.ok) navigate(`/disclosure/${r.value.id}`);
      }}
    >
      起草公示
    </Button>
  );
}
