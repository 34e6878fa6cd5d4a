import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/types.js';
import { RunProgress } from '../../components/RunProgress.js';
import { useProgressRun } from '../../lib/use-progress-run.js';
import { PackageFacts } from './PackageFacts.js';
import { VerifyPackage } from './VerifyPackage.js';

const CONTENTS = '卷内目录、全部记录和附件、作为证据的音像原始文件、法制审核意见、集体讨论记录、行政决定、公示记录、本案审计记录，以及覆盖每个文件的 manifest.sha256 和验证证书（PDF）';

/** 归档 of a closed case: builds and verifies the case-file package, then the case becomes read-only. */
export function ArchiveButton({ c, onArchived }: { c: CaseDetail; onArchived: () => void }) {
  const [open, setOpen] = useState(false);
  const [zip, setZip] = useState(true);
  const [dest, setDest] = useState('');
  const run = useProgressRun('archive.create');
  const close = () => {
    if (run.running) return;
    setOpen(false);
    if (run.result) onArchived();
    run.reset();
  };
  return (
    <>
      <Button type="primary" icon={<InboxOutlined />} onClick={() => setOpen(true)}>
        归档
      </Button>
      <Modal
        open={open}
        title={`归档 — ${c.caseNo}`}
        width={720}
        onCancel={close}
        closable={!run.running}
        mask={{ closable: !run.running }}
        footer={
          run.result ? (
            <Button type="primary" onClick={close}>
              完成
            </Button>
          ) : (
            <>
              <Button onClick={close} disabled={run.running}>
                取消
              </Button>
              <Button type="primary" loading={run.running} onClick={() => run.start({ caseId: c.id, zip, dest: dest.trim() || undefined })}>
                生成案卷包并归档
              </Button>
            </>
          )
        }
      >
        {!run.result && (
          <Flex vertical gap={12}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              将生成案卷包：{CONTENTS}。案卷包写入后逐一校验，校验通过才归档；归档后案件只读，不能再修改或添加记录。
            </Typography.Paragraph>
            <div>
              <Typography.Text>保存位置（可选）</Typography.Text>
              <Input
                aria-label="案卷包保存位置"
                value={dest}
                disabled={run.running}
                onChange={(e) => setDest(e.target.value)}
                placeholder="不填则保存在数据文件夹的 archives 文件夹中；也可填档案室共享文件夹，如 \\档案室\电子案卷"
                style={{ marginTop: 4 }}
              />
            </div>
            <Checkbox checked={zip} disabled={run.running} onChange={(e) => setZip(e.target.checked)}>
              同时生成压缩包（.zip），便于刻录或移交档案室
            </Checkbox>
            {run.running && <RunProgress progress={run.progress} first="正在准备归档…" onCancel={run.cancel} />}
            {run.error && <Alert type={run.error.code === 'CANCELLED' ? 'warning' : 'error'} showIcon title={run.error.message} />}
          </Flex>
        )}
        {run.result && (
          <Flex vertical gap={12}>
            <Alert type="success" showIcon title="已归档：案卷包已生成并校验通过，案件现为只读。验证证书已作为附件记入本案。" />
            <PackageFacts pkg={run.result} />
            <VerifyPackage pkg={run.result} />
          </Flex>
        )}
      </Modal>
    </>
  );
}
