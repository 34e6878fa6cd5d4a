import { Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import { PARTY_KINDS, PARTY_KIND_LABELS, type PartyKind } from '../../../shared/domain.js';
import { checkCreditCode, checkIdNumber, checkPhone } from '../../../shared/logic/check-digits.js';
import { CHECKED_ITEM_PROPS, checkRules, creditComplete, idComplete, phoneComplete } from '../../components/check-rules.js';

type NamePath = (string | number)[];

/**
 * The fields of one party (当事人), checked as the clerk types: a wrong ID or credit-code check
 * digit is an error (red, blocks saving); an old 15-digit ID or an odd phone number a warning.
 * `prefix` is the name inside the form (or Form.List), `path` the absolute path to watch.
 */
export function PartyFields({ prefix, path }: { prefix: NamePath; path: NamePath }) {
  const kind = (Form.useWatch([...path, 'kind']) as PartyKind | undefined) ?? 'person';
  const idNumber = Form.useWatch([...path, 'idNumber']) as string | undefined;
  const idInfo = idNumber ? checkIdNumber(idNumber) : null;
  const n = (f: string) => [...prefix, f];
  return (
    <Row gutter={12}>
      <Col span={24}>
        <Form.Item name={n('kind')} label="当事人类型">
          <Radio.Group optionType="button" options={PARTY_KINDS.map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }))} />
        </Form.Item>
      </Col>
      {kind === 'person' ? (
        <>
          <Col span={8}>
            <Form.Item name={n('name')} label="姓名" rules={[{ required: true, whitespace: true, message: '请填写当事人姓名' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name={n('idNumber')}
              label="身份证号码"
              rules={checkRules(checkIdNumber, idComplete)}
              {...CHECKED_ITEM_PROPS}
              extra={idInfo?.level === 'ok' ? `校验通过：${idInfo.birthDate} 出生，${idInfo.gender === 'male' ? '男' : '女'}` : undefined}
            >
              <Input maxLength={20} placeholder="18 位" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={n('isMinor')} label=" " valuePropName="checked" colon={false}>
              <Checkbox>未成年人</Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={n('phone')} label="联系电话" rules={checkRules(checkPhone, phoneComplete)} {...CHECKED_ITEM_PROPS}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name={n('address')} label="住址">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </>
      ) : (
        <>
          <Col span={14}>
            <Form.Item name={n('name')} label="名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name={n('creditCode')} label="统一社会信用代码" rules={checkRules(checkCreditCode, creditComplete)} {...CHECKED_ITEM_PROPS}>
              <Input maxLength={20} placeholder="18 位" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={n('legalRep')} label="法定代表人">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={n('phone')} label="联系电话" rules={checkRules(checkPhone, phoneComplete)} {...CHECKED_ITEM_PROPS}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={n('address')} label="地址">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}

export interface PartyFormValue {
  kind: PartyKind;
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalRep?: string;
  phone?: string;
  address?: string;
  isMinor?: boolean;
}

/** Form value → the API's PartyInput (fields of the other kind dropped). */
export function toPartyInput(p: PartyFormValue) {
  const person = p.kind === 'person';
  return {
    kind: p.kind,
    name: p.name.trim(),
    idNumber: person ? (p.idNumber ?? '').trim() : '',
    creditCode: person ? '' : (p.creditCode ?? '').trim(),
    legalRep: person ? '' : (p.legalRep ?? '').trim(),
    phone: (p.phone ?? '').trim(),
    address: (p.address ?? '').trim(),
    isMinor: person ? !!p.isMinor : false,
  };
}
