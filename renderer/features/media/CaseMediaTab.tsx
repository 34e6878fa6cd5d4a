import { Button, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../shared/types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { AnnotationView } from './AnnotationForm.js';
import { CaseAvGapsPanel } from './CaseAvGapsPanel.js';
import { ClipPlayer } from './ClipPlayer.js';
import { FootageTable } from './FootageTable.js';
import { LinkFootageModal } from './LinkFootageModal.js';
import { useAvMatters } from './use-av-matters.js';

/** The clip chosen in the case's list, played in place with its annotation. */
function InlineClip({ id }: { id: number }) {
  const q = useQuery('media.get', { id });
  const { label } = useAvMatters();
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return null;
  const d = q.data;
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      <Col xs={24} xl={15}>
        <ClipPlayer d={d} onSnapshot={q.reload} />
      </Col>
      <Col xs={24} xl={9}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
          <Typography.Text strong ellipsis style={{ maxWidth: 300 }}>{d.fileName}</Typography.Text>
          <Button type="link" size="small" onClick={() => navigate(`/media/${d.id}`)}>打开详情</Button>
        </Flex>
        <AnnotationView d={d} matterLabel={label} />
      </Col>
    </Row>
  );
}

/** 音视频 tab of a case: the required-footage check and the case's footage, playable in place. */
export function CaseMediaTab({ c, readOnly }: { c: CaseDetail; readOnly: boolean }) {
  const { me } = useSession();
  const footage = useQuery('media.caseFootage', { caseId: c.id });
  const gaps = useQuery('media.caseGaps', { caseId: c.id });
  const { matters, label } = useAvMatters();
  const [playing, setPlaying] = useState<number | null>(null);
  const [linking, setLinking] = useState(false);
  const rows = footage.data ?? [];
  useEffect(() => {
    if (playing === null && rows.length) setPlaying(rows[0].id);
  }, [rows, playing]);
  const canLink = !readOnly && can(me, 'media.linkToCase');

  return (
    <>
      {gaps.error && <ErrorAlert error={gaps.error} onRetry={gaps.reload} />}
      {gaps.data && <CaseAvGapsPanel caseId={c.id} gaps={gaps.data} matters={matters} readOnly={readOnly} onChange={gaps.setData} />}
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>本案音像记录（{rows.length}）</Typography.Text>
        {canLink && <Button size="small" onClick={() => setLinking(true)}>关联音像记录</Button>}
      </Flex>
      {footage.error && <ErrorAlert error={footage.error} onRetry={footage.reload} />}
      {playing !== null && rows.some((r) => r.id === playing) && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <InlineClip key={playing} id={playing} />
        </Card>
      )}
      <FootageTable
        rows={rows}
        matterLabel={label}
        loading={footage.loading}
        hide={['cases', 'device']}
        pagination={false}
        rowClassName={(m) => (m.id === playing ? 'sx-row-link ant-table-row-selected' : 'sx-row-link')}
        onRow={(m) => ({ onClick: () => setPlaying(m.id) })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={canLink ? '本案尚未关联音像记录。可点击“关联音像记录”选择，或在“音视频”中标注时选择本案。' : '本案尚未关联音像记录'}
            />
          ),
        }}
      />
      {linking && (
        <LinkFootageModal
          caseId={c.id}
          caseNo={c.caseNo}
          linked={rows.map((r) => r.id)}
          onClose={() => setLinking(false)}
          onDone={() => {
            setLinking(false);
            footage.reload();
            gaps.reload();
          }}
        />
      )}
    </>
  );
}
