import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Image, Row, Skeleton, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../../shared/logic/text.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { HoldCard } from '../media-admin/HoldCard.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { AnnotationForm, AnnotationView } from './AnnotationForm.js';
import { CaseLinks } from './CaseLinks.js';
import { ClipFacts, ClipProvenance } from './ClipFacts.js';
import { ClipPlayer } from './ClipPlayer.js';
import { ContactStrip } from './ContactStrip.js';
import { FootageTags } from './FootageTable.js';
import { durationText } from './media-format.js';
import { mediaUrl } from './media-url.js';
import { useAvMatters } from './use-av-matters.js';

/** One clip: the player and its facts on the left, the annotation and linked cases on the right. */
export function ClipPage({ id }: { id: number }) {
  const { me } = useSession();
  const q = useQuery('media.get', { id });
  const officers = useQuery('officers.list', {});
  const { label } = useAvMatters();
  const video = useRef<HTMLVideoElement>(null);
  const d = q.data;
  const working = !!d?.jobs.some((j) => j.state === 'pending' || j.state === 'running');
  // Thumbnails and the playback proxy are made in the background: look again until they are done.
  useEffect(() => {
    if (!working) return;
    const t = setTimeout(q.reload, 3000);
    return () => clearTimeout(t);
  }, [working, q.reload, d]);

  if (q.error && !d) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!d) return <Card><Skeleton active /></Card>;
  const snapshots = d.derived.filter((x) => x.kind === 'snapshot');

  return (
    <>
      <PageTitle
        title={<Flex align="center" gap={8}><Typography.Text ellipsis style={{ maxWidth: 640, fontSize: 'inherit', fontWeight: 'inherit' }}>{d.fileName}</Typography.Text><FootageTags m={d} /></Flex>}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => (history.length > 1 ? history.back() : navigate('/media', { tab: 'library' }))}>返回</Button>}
      />
      <Row gutter={12}>
        <Col xs={24} xl={15}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <ClipPlayer d={d} onSnapshot={q.reload} videoRef={video} />
            <ContactStrip
              d={d}
              onSeek={(ms) => {
                if (!video.current) return;
                video.current.currentTime = ms / 1000;
                video.current.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
              }}
            />
          </Card>
          <Card size="small" title="文件信息" style={{ marginBottom: 12 }}>
            <ClipFacts d={d} />
          </Card>
          {snapshots.length > 0 && (
            <Card size="small" title={`截图（${snapshots.length}）`} style={{ marginBottom: 12 }}>
              <Image.PreviewGroup>
                <Flex gap={8} wrap>
                  {snapshots.map((s) => (
                    <Flex key={s.id} vertical align="center" gap={2}>
                      <Image src={mediaUrl(s.sha256)} width={160} alt="截图" />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {durationText(s.atMs)} 处 · {formatDateTime(s.createdAt)}
                      </Typography.Text>
                    </Flex>
                  ))}
                </Flex>
              </Image.PreviewGroup>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="标注" style={{ marginBottom: 12 }}>
            {can(me, 'media.annotate') ? (
              <AnnotationForm key={d.annotatedAt ?? 'new'} d={d} officers={officers.data ?? []} onSaved={q.setData} />
            ) : (
              <AnnotationView d={d} matterLabel={label} />
            )}
          </Card>
          <Card size="small" title={`已关联案件（${d.cases.length}）`} style={{ marginBottom: 12 }}>
            <CaseLinks d={d} onChanged={q.reload} />
          </Card>
          <HoldCard d={d} onChanged={q.reload} />
          <Card size="small" title="来源与校验">
            <ClipProvenance d={d} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
