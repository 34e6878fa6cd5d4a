// 新建公示: drafts a before-the-fact notice (权责清单, 执法人员名单, 服务指南, 流程图, 投诉举报渠道)
// or the annual statistics report; the new draft opens with its redaction findings.
import { Alert, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { DISCLOSURE_KIND_LABELS, type NoticeKind } from '../../../../shared/disclosure-domain.js';
import type { NoticeTable } from '../../../../shared/disclosure-types.js';
import type { AppError } from '../../../../shared/result.js';
import { navigate } from '../../../app/router.js';
import { useSession } from '../../../app/session-context.js';
import { can } from '../../../lib/access.js';
import { dayjs, fromDay, type Dayjs } from '../../../lib/dates.js';
import { useCommand, useQuery } from '../../../lib/use-api.js';
import { ProblemAlert } from '../../review/ProblemAlert.js';
import { ImagePicker, type PickedImage } from './ImagePicker.js';
import { NOTICE_KIND_SPECS, noticeSpec } from './notice-kinds.js';
import { PastedTable } from './PastedTable.js';

interface Values {
  title: string;
  itemDate: Dayjs;
  sections: { heading: string; text: string }[];
  caption: string;
  imageAlt: string;
  year: number;
}

function RosterPreview() {
  const { me } = useSession();
  const roster = useQuery('officers.publicRoster', {}, { skip: !can(me, 'officers.publicRoster') });
  if (!roster.data) return <Alert type="info" showIcon title="将根据执法人员名单中在岗且执法证有效的人员自动生成名单。" />;
  const n = roster.data.rows.length;
  return n > 0 ? (
    <Alert type="info" showIcon title={`将生成 ${n} 名执法人员的名单（姓名、单位、职务、执法证号、执法类别、执法区域）。`} description="执法人员姓名和执法证号依法公开，不作脱敏。" />
  ) : (
    <Alert type="warning" showIcon title="执法人员名单中没有在岗且执法证有效的人员" description="请先在“设置 → 执法人员”中登记执法人员和执法证有效期。" />
  );
}

export function NewNoticeModal({ onClose }: { onClose: () => void }) {
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const year = dayjs().year();
  const kinds = NOTICE_KIND_SPECS.filter((s) => s.kind !== 'annual' || can(me, 'report.publishAnnual'));
  const [kind, setKind] = useState<NoticeKind>(kinds[0].kind);
  const [table, setTable] = useState<{ value: NoticeTable | null; error: string | null }>({ value: null, error: null });
  const [image, setImage] = useState<PickedImage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const create = useCommand('disclosure.createNotice');
  const annual = useCommand('report.publishAnnual');
  const spec = noticeSpec(kind);

  const choose = (k: NoticeKind) => {
    const s = noticeSpec(k);
    setKind(k);
    setProblem(null);
    setError(null);
    form.setFieldsValue({ title: s.title(me.bureau, year - 1), sections: s.headings(me.bureau), caption: '', imageAlt: '', year: year - 1 });
  };

  const finish = async (v: Values) => {
    setProblem(null);
    setError(null);
    if (kind === 'annual') {
      const r = await annual.run({ year: v.year }, { success: `已生成 ${v.year} 年度统计公示稿`, quietError: true });
      if (!r.ok) return setError(r.error);
      return r.value.disclosureId ? navigate(`/disclosure/${r.value.disclosureId}`) : onClose();
    }
    if (spec.table && table.error) return setProblem(table.error);
    if (spec.image && !image) return setProblem('请选择流程图图片（PNG 或 JPG）。');
    const sections = (v.sections ?? []).map((s) => ({ heading: s.heading?.trim() ?? '', text: s.text?.trim() ?? '' })).filter((s) => s.text !== '');
    if (!spec.generated && sections.length === 0 && !table.value && !image) return setProblem('请至少填写一段正文内容。');
    const r = await create.run(
      {
        kind,
        title: v.title,
        itemDate: fromDay(v.itemDate),
        notice: { sections, table: spec.table ? (table.value ? { ...table.value, caption: v.caption ?? '' } : null) : undefined, imageAlt: spec.image ? (v.imageAlt ?? '') : undefined },
        image: spec.image && image ? image : undefined,
      },
      { success: '已起草，请核对脱敏标记后提交审核', quietError: true },
    );
    if (r.ok) navigate(`/disclosure/${r.value.id}`);
    else setError(r.error);
  };

  return (
    <Modal open title="新建公示" width={820} okText={kind === 'annual' ? '生成公示稿' : '起草'} cancelText="取消" onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={create.pending || annual.pending} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        行政执法决定的结果公示由案件生成：在案件“法制审核”页记录决定后起草。这里起草事前公开的事项和年度统计报告。
      </Typography.Paragraph>
      <Radio.Group value={kind} onChange={(e) => choose(e.target.value)} style={{ width: '100%', marginBottom: 16 }} aria-label="公示类别">
        <Flex wrap gap={8}>
          {kinds.map((s) => (
            <Card key={s.kind} size="small" style={{ width: 250, borderColor: s.kind === kind ? '#1677ff' : undefined, cursor: 'pointer' }} onClick={() => choose(s.kind)}>
              <Radio value={s.kind}>{DISCLOSURE_KIND_LABELS[s.kind]}</Radio>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>{s.hint}</Typography.Text>
            </Card>
          ))}
        </Flex>
      </Radio.Group>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={finish}
        initialValues={{ title: spec.title(me.bureau, year - 1), itemDate: dayjs(), sections: spec.headings(me.bureau), caption: '', imageAlt: '', year: year - 1 }}>
        {kind === 'annual' ? (
          <Form.Item name="year" label="统计年度" rules={[{ required: true, message: '请填写统计年度' }]} extra="公示稿由该年度的统计数据生成，生成后仍需核对、提交审核。">
            <InputNumber min={2000} max={year} precision={0} suffix="年" style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <>
            <Flex gap={12}>
              <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]} style={{ flex: 1 }}>
                <Input maxLength={200} placeholder={kind === 'guide' ? '例如：林木采伐许可证核发服务指南' : undefined} />
              </Form.Item>
              <Form.Item name="itemDate" label="公开日期" rules={[{ required: true, message: '请选择公开日期' }]}>
                <DatePicker format="YYYY-MM-DD" />
              </Form.Item>
            </Flex>
            {kind === 'roster' && <RosterPreview />}
            {spec.image && (
              <>
                <Form.Item label="流程图" required>
                  <ImagePicker value={image} onChange={setImage} />
                </Form.Item>
                <Form.Item name="imageAlt" label="图片文字说明" extra="供读屏软件朗读，简要说明流程的主要环节">
                  <Input maxLength={500} placeholder="例如：立案、调查取证、告知、听证、法制审核、决定、送达、执行、结案" />
                </Form.Item>
              </>
            )}
            {spec.table && (
              <>
                <Form.Item name="caption" label="表格标题"><Input maxLength={200} placeholder="例如：行政处罚事项" /></Form.Item>
                <Form.Item label="表格内容">
                  <PastedTable caption="" onChange={(value, err) => setTable({ value, error: err })} />
                </Form.Item>
              </>
            )}
            {!spec.generated && (
              <Form.List name="sections">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Card key={f.key} size="small" style={{ marginBottom: 8 }}
                        title={<Form.Item name={[f.name, 'heading']} noStyle><Input variant="borderless" placeholder="小标题" maxLength={100} style={{ fontWeight: 600, paddingLeft: 0 }} aria-label={`第 ${f.name + 1} 段小标题`} /></Form.Item>}
                        extra={<a onClick={() => remove(f.name)}>删除</a>}>
                        <Form.Item name={[f.name, 'text']} noStyle>
                          <Input.TextArea rows={2} maxLength={20000} placeholder="正文（不填的段落不公开）" aria-label={`第 ${f.name + 1} 段正文`} />
                        </Form.Item>
                      </Card>
                    ))}
                    {fields.length < 30 && <a onClick={() => add({ heading: '', text: '' })}>＋ 添加段落</a>}
                  </>
                )}
              </Form.List>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
