// On a decided case: 查看公示 for each of its disclosure items (the draft made when the decision
// was recorded), else — when `canCreate` — 起草公示 (disclosure.createFromCase), e.g. after the
// earlier item was withdrawn.
import { Button, Space, Tag } from 'antd';
import { navigate } from '../../app/router.js';
import { canOpen } from '../../app/nav.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

export function CaseDisclosureLink({ caseId, canCreate }: { caseId: number; canCreate: boolean }) {
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
          <Button key={r.id} onClick={() => navigate(`/disclosure/${r.id}`)}>
            查看公示 <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{r.stateLabel}</Tag>
          </Button>
        ))}
      </Space>
    );
  }
  if (!canCreate || !can(me, 'disclosure.createFromCase')) return null;
  return (
    <Button
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
