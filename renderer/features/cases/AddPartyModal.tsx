import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/types.js';
import { applyFieldErrors } from '../../lib/field-errors.js';
import { useCommand } from '../../lib/use-api.js';
import { PartyFields, toPartyInput, type PartyFormValue } from './PartyFields.js';

/** 添加当事人 to an open case, with the same inline checks as the new-case form. */
export function AddPartyModal({ caseId, onClose, onDone }: { caseId: number; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const [form] = Form.useForm<{ party: PartyFormValue }>();
  const { message } = App.useApp();
  const add = useCommand('cases.addParty');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    setError(null);
    const r = await add.run({ id: caseId, party: toPartyInput(v.party) }, { quietError: true, success: `已添加当事人“${v.party.name}”` });
    if (!r.ok) {
      setError(r.error.message);
      applyFieldErrors(form, r.error, (f) => f.replace(/^parties\.0\./, 'party.'));
      return;
    }
    for (const w of r.value.warnings) message.warning(w.message);
    onDone(r.value.detail);
    onClose();
  };

  return (
    <Modal open title="添加当事人" width={760} okText="添加" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: add.pending }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ party: { kind: 'person', isMinor: false } }}>
        <PartyFields prefix={['party']} path={['party']} />
      </Form>
    </Modal>
  );
}
