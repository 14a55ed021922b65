import type { z } from 'zod';
import { ApiError } from './errors.ts';

/**
 * `value` checked against `schema`; the first problem becomes an `invalid_input` error naming the
 * field (`field: message`), so the API and the CLI report bad input the same way.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new ApiError('invalid_input', `${field}: ${issue?.message ?? 'is not valid'}`, field);
}
