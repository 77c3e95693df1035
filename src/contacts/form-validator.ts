import { type Hook, zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { AppEnv } from '../env';
import { type FieldErrors, fieldErrorsFrom } from './schema';

/**
 * zod-validator for a contact form, answering bad input with the form again (422) instead of
 * the library's JSON 400: `onInvalid` gets the raw body (to keep every typed value) and the
 * errors by field.
 */
export function contactFormValidator<T extends z.ZodMiniType>(
  schema: T,
  onInvalid: (c: Context<AppEnv>, raw: unknown, errors: FieldErrors) => Response | Promise<Response>,
) {
  const hook: Hook<z.infer<T>, AppEnv, string, 'form', {}, T> = async (result, c) => {
    if (!result.success) return onInvalid(c, result.data, fieldErrorsFrom(result.error));
  };
  return zValidator<T, 'form', AppEnv, string, typeof hook>('form', schema, hook);
}
