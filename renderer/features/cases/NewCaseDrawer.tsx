import { Alert, App, Button, Card, Col, DatePicker, Drawer, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { CASE_TYPES, CASE_TYPE_LABELS, PROCEDURES, PROCEDURE_LABELS, type CaseType, type Procedure } from '../../../shared/domain.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { dayjs, fromDay, isFuture, type Dayjs } from '../../lib/dates.js';
import { applyFieldErrors } from '../../lib/field-errors.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { caseNumberExample } from './case-number-example.js';
import { HandlerSelect } from './HandlerSelect.js';
import { PartyFields, toPartyInput, type PartyFormValue } from './PartyFields.js';

interface DraftForm {
  caseType: CaseType;
  procedure: Procedure;
  title: string;
  openedOn: Dayjs;
  place?: string;
  facts?: string;
  handlerIds: number[];
  parties: PartyFormValue[];
  manualCaseNo?: string;
}

const NEW_PARTY: Partial<PartyFormValue> = { kind: 'person', isMinor: false };

/** 新建案件: registers a case (立案) and opens it. */
export function NewCaseDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer open={open} onClose={onClose} title="新建案件（立案登记）" size={820} destroyOnHidden mask={{ closable: false }} styles={{ body: { paddingBottom: 0 } }}>
      <NewCaseForm onClose={onClose} />
    </Drawer>
  );
}

function NewCaseForm({ onClose }: { onClose: () => void }) {
  const { me } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<DraftForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const officers = useQuery('officers.list', { status: 'active' });
  const settings = useQuery('settings.get', {});
  const create = useCommand('cases.create');
  const caseType = (Form.useWatch('caseType', form) as CaseType | undefined) ?? 'penalty';
  const procedure = Form.useWatch('procedure', form) as Procedure | undefined;
  const isAdmin = can(me, 'settings.update');
  const example = caseNumberExample(settings.data, me.bureau.unitAbbr, caseType, dayjs().year() - 1);

  const submit = async (v: DraftForm) => {
    setServerError(null);
    const r = await create.run(
      {
        caseType: v.caseType,
        procedure: v.procedure,
        title: v.title.trim(),
        openedOn: fromDay(v.openedOn)!,
        place: v.place?.trim() ?? '',
        facts: v.facts?.trim() ?? '',
        handlerIds: v.handlerIds,
        parties: v.parties.map(toPartyInput),
        manualCaseNo: v.manualCaseNo?.trim() || undefined,
      },
      { quietError: true, success: (x) => `已立案，案件编号：${x.caseNo}` },
    );
    if (!r.ok) {
      setServerError(r.error.message);
      applyFieldErrors(form, r.error);
      return;
    }
    for (const w of r.value.warnings.slice(0, 3)) message.warning(w.message);
    onClose();
    navigate(`/cases/${r.value.id}`);
  };

  return (
    <>
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 12 }} closable={{ onClose: () => setServerError(null) }} />}
      <Form<DraftForm>
        form={form}
        layout="vertical"
        aria-label="新建案件"
       
        onFinish={submit}
        onFinishFailed={() => setServerError('请按红色提示修改后再提交。')}
        initialValues={{
          caseType: 'penalty',
          procedure: 'ordinary',
          openedOn: dayjs(),
          handlerIds: me.user.officerId ? [me.user.officerId] : [],
          parties: [NEW_PARTY],
        }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="caseType" label="类型" rules={[{ required: true }]}>
              <Select options={CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="procedure" label="程序" extra={procedure === 'ordinary' ? '普通程序应由两名以上执法人员承办' : '简易程序可由一名执法人员承办'}>
              <Radio.Group optionType="button" options={PROCEDURES.map((p) => ({ value: p, label: PROCEDURE_LABELS[p] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="openedOn" label="立案日期" rules={[{ required: true, message: '请选择立案日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={isFuture} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="title" label="案由" rules={[{ required: true, whitespace: true, message: '请填写案由' }]}>
              <Input maxLength={120} placeholder="例如：涉嫌擅自改变林地用途案" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="place" label="地点">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="facts" label="基本事实">
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={20000} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="handlerIds"
              label="承办人（第一位为主办）"
              dependencies={['procedure']}
              rules={[
                { required: true, type: 'array', min: 1, message: '请至少指定一名承办人' },
                ({ getFieldValue }) => ({
                  validator: (_r, v: number[] | undefined) =>
                    getFieldValue('procedure') === 'ordinary' && (v?.length ?? 0) < 2
                      ? Promise.reject(new Error('普通程序案件应由两名以上执法人员承办，请再指定一名承办人'))
                      : Promise.resolve(),
                }),
              ]}
            >
              <HandlerSelect officers={officers.data ?? []} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <Flex vertical gap={10} style={{ marginBottom: 16 }}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`当事人 ${i + 1}`}
                  extra={
                    fields.length > 1 && (
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                        删除
                      </Button>
                    )
                  }
                >
                  <PartyFields prefix={[field.name]} path={['parties', field.name]} />
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_PARTY })}>
                添加当事人
              </Button>
            </Flex>
          )}
        </Form.List>
        {isAdmin && (
          <Form.Item
            name="manualCaseNo"
            label="补录编号（登记以前的纸质案件时填写，留空则自动编号）"
            extra={example ? `须符合本单位编号格式，例如：${example}` : undefined}
          >
            <Input maxLength={60} placeholder={example || undefined} />
          </Form.Item>
        )}
        <Flex
          justify="flex-end"
          gap={8}
          style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0', borderTop: '1px solid #f0f0f0', zIndex: 2 }}
        >
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={create.pending}>
            立案登记
          </Button>
        </Flex>
      </Form>
    </>
  );
}
