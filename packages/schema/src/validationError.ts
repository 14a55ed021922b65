import type { z } from 'zod';

/**
 * Bad input refused by a schema: `field` names the first offending field (dotted path), so the UI
 * can point at it; the message says what was expected.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** Dotted path of the first offending field, e.g. `fields.status`. */
  readonly field: string;
  /** Every problem found, each with its path. */
  readonly issues: readonly { path: string; message: string }[];

  constructor(
    field: string,
    message: string,
    issues?: readonly { path: string; message: string }[],
  ) {
    super(`${field}: ${message}`);
    this.field = field;
    this.issues = issues ?? [{ path: field, message }];
  }

  /** Wraps a zod error, prefixing every path with `prefix` (e.g. `fields`). */
  static fromZod(error: z.ZodError, prefix?: string): ValidationError {
    const issues = error.issues.map((i) => ({
      path: [prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.'),
      message: i.message,
    }));
    const first = issues[0] ?? { path: prefix ?? '', message: 'invalid value' };
    return new ValidationError(first.path || '(value)', first.message, issues);
  }
}

/** Parses `value` with `schema`, throwing a {@link ValidationError} whose field is prefixed by `prefix`. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, prefix?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(result.error, prefix);
  return result.data;
}
