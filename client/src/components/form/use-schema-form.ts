import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, type DefaultValues, type FieldError, type FieldValues, type Path, type UseFormRegisterReturn, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { useT, type MessageKey, type MessageValues } from '../../i18n';
import { isApiError } from '../../lib/api-client';

/** The words for a field's problem: one catalogue key for any issue, or one per zod issue code (`too_small`, `custom`, …). */
export type FieldMessages = MessageKey | Partial<Record<string, MessageKey>>;

/** An object schema: its shape names the fields, its input and output are the form's values before and after the check. */
export type FormSchema<Input extends FieldValues, Output, Shape extends z.ZodRawShape> = z.ZodType<Output, Input> & { shape: Shape };

export interface SchemaFormOptions<Input extends FieldValues, Shape extends z.ZodRawShape> {
  defaultValues: DefaultValues<NoInfer<Input>>;
  /**
   * Each field's words from the catalogue; `{min}` and `{max}` are the field's own lengths in the
   * schema. A refinement the form adds itself (built with `t`) brings its own words instead.
   */
  messages?: Partial<Record<keyof Shape & string, FieldMessages>>;
  /** The failed call of this form: the fields the server refused are marked on the form. */
  serverError?: unknown;
  /** Moves focus to the first wrong field; off where the form's own alert takes focus instead. */
  shouldFocusError?: boolean;
  /** After a failed submit, check again as the reader types (the default), or only on the next submit. */
  reValidateMode?: 'onChange' | 'onSubmit';
}

export type SchemaForm<Input extends FieldValues, Output, Shape extends z.ZodRawShape> = UseFormReturn<Input, unknown, Output> & {
  /** What is wrong with this field in the reader's words, or null. */
  errorOf: (name: keyof Shape & string) => string | null;
  /** The field's `{min}` and `{max}` lengths by the schema, for a hint that states them. */
  limitsOf: (name: keyof Shape & string) => MessageValues;
  /** A text field's registration with the schema's maximum length, so typing stops where the server would refuse. */
  textProps: (name: keyof Shape & string) => UseFormRegisterReturn & { maxLength?: number };
};

/** A string field's least and greatest length, looking through optional, default and trim-then-check pipes. */
export function lengthsOf(field: unknown): { min?: number; max?: number } {
  let schema = field;
  for (;;) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) schema = schema.unwrap();
    else if (schema instanceof z.ZodPipe) schema = schema.out;
    else break;
  }
  if (!(schema instanceof z.ZodString)) return {};
  return { ...(schema.minLength === null ? {} : { min: schema.minLength }), ...(schema.maxLength === null ? {} : { max: schema.maxLength }) };
}

/**
 * A form checked by a zod schema (the shared request schema, or one derived from it with
 * pick/extend), so its rules are the server's: react-hook-form holds the values, the zod resolver
 * checks them on submit, and each field's problem is worded from the catalogue.
 */
export function useSchemaForm<Input extends FieldValues, Output, Shape extends z.ZodRawShape>(
  schema: FormSchema<Input, Output, Shape>,
  options: SchemaFormOptions<Input, Shape>,
): SchemaForm<Input, Output, Shape> {
  const t = useT();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver<Input, unknown, Output>(schema),
    defaultValues: options.defaultValues,
    mode: 'onSubmit',
    reValidateMode: options.reValidateMode ?? 'onChange',
    shouldFocusError: options.shouldFocusError ?? true,
  });
  const { setError } = form;
  const shape = schema.shape as Record<string, unknown>;

  const { serverError } = options;
  // The names, not the shape: a form that builds its schema per render (to word its own checks) would rerun this each time.
  const fieldNames = Object.keys(shape).join(' ');
  useEffect(() => {
    if (!isApiError(serverError) || serverError.code !== 'validation_failed') return;
    const names = fieldNames.split(' ');
    for (const field of serverError.fieldErrors) {
      const name = field.path.split('.')[0];
      if (name && names.includes(name)) setError(name as Path<Input>, { type: 'server', message: field.message });
    }
  }, [serverError, setError, fieldNames]);

  const limitsOf = (name: keyof Shape & string): MessageValues => {
    const { min, max } = lengthsOf(shape[name]);
    return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  };

  const errorOf = (name: keyof Shape & string): string | null => {
    const error = (form.formState.errors as Record<string, FieldError | undefined>)[name];
    if (!error) return null;
    // The server's own words are English and technical: the list above the form shows them.
    if (error.type === 'server') return t('form.checkField');
    const entry: FieldMessages | undefined = options.messages?.[name];
    const key = typeof entry === 'object' ? entry[error.type] : entry;
    if (key) return t(key, limitsOf(name));
    if (error.type === 'custom' && error.message) return error.message;
    return t('form.checkField');
  };

  const textProps = (name: keyof Shape & string) => ({
    ...form.register(name as Path<Input>),
    maxLength: lengthsOf(shape[name]).max,
  });

  return { ...form, errorOf, limitsOf, textProps };
}
