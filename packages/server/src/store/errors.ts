/** The codes of {@link ApiError}, one per HTTP status family the API answers with. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'wrong_credentials'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invitation_expired'
  | 'too_large'
  | 'quota_exceeded'
  | 'unsupported_media_type'
  | 'rate_limited';

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  wrong_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invitation_expired: 410,
  too_large: 413,
  quota_exceeded: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

/** An error the API reports to the caller as `{ error: { code, message, field? } }`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  readonly status: number;
  /** For `rate_limited`: seconds until the caller may try again (the `Retry-After` header). */
  readonly retryAfterSeconds: number | undefined;
  constructor(code: ApiErrorCode, message: string, field?: string, retryAfterSeconds?: number) {
    super(message);
    this.code = code;
    this.field = field;
    this.status = STATUS[code];
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A validation error naming the offending field. */
export function invalid(field: string, message: string): ApiError {
  return new ApiError('invalid_input', `${field}: ${message}`, field);
}
