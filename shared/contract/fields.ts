import { z } from 'zod';

/** Reusable field schemas with Chinese messages. */
export const id = z.number().int().positive();
// Each helper also records its label (`.describe`), which validation messages use to name the field.
export const text = (label: string, max = 200) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`).describe(label);
export const optionalText = (label: string, max = 200) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default('').describe(label);
export const date = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式的日期`).describe(label);
export const page = z.number().int().min(1).default(1);
export const pageSize = z.number().int().min(1).max(200).default(50);
export const password = z.string().min(1, '请输入密码').max(200);

/**
 * The patch form of a settings schema: every field optional and WITHOUT its default, so a
 * change to one setting never resets the others (zod's `.partial()` keeps defaults).
 */
export function patchOf<T extends Record<string, unknown>>(schema: z.ZodObject<z.ZodRawShape>): z.ZodType<Partial<T>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]),
  );
  return z.object(shape) as unknown as z.ZodType<Partial<T>>;
}
