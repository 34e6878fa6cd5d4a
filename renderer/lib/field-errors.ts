// Maps the services' field errors (`error.details.fields[{field,message}]`, field like
// `parties.0.idNumber`) onto antd form fields.
import type { FormInstance } from 'antd';
import type { AppError } from '../../shared/result.js';

export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrors(error: AppError): FieldError[] {
  const d = error.details as { fields?: unknown } | undefined;
  if (!d || !Array.isArray(d.fields)) return [];
  return d.fields.filter((f): f is FieldError => !!f && typeof f.field === 'string' && typeof f.message === 'string');
}

/** `parties.0.idNumber` → ['parties', 0, 'idNumber']. */
export const toNamePath = (field: string): (string | number)[] => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts each field error on its form field (when the form has it). `rename` adapts a server
 * path to the form's names. Returns how many errors found a field.
 */
export function applyFieldErrors(form: FormInstance, error: AppError, rename: (f: string) => string = (f) => f): number {
  const byField = new Map<string, string[]>();
  for (const f of fieldErrors(error)) {
    const name = rename(f.field);
    if (!name) continue;
    byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  const fields = [...byField].map(([name, errors]) => ({ name: toNamePath(name), errors }));
  if (fields.length) form.setFields(fields);
  return fields.length;
}
