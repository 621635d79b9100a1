/**
 * A form's length limits come from the shared schema the server validates with, so the two never
 * disagree: a textarea stops where the server would refuse.
 */
interface StringSchema {
  minLength: number | null;
  maxLength: number | null;
}

export function maxLengthOf(schema: StringSchema): number {
  if (schema.maxLength === null) throw new Error('This schema sets no maximum length.');
  return schema.maxLength;
}

export function minLengthOf(schema: StringSchema): number {
  if (schema.minLength === null) throw new Error('This schema sets no minimum length.');
  return schema.minLength;
}
