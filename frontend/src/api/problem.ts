/** An RFC 9457 problem document as the Covacha services send it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

const PROBLEM_BASE = 'https://covacha.dev/problems/';

/** A failed API call. `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The slug after https://covacha.dev/problems/, e.g. "validation". */
  get slug(): string {
    return this.problem.type.startsWith(PROBLEM_BASE)
      ? this.problem.type.slice(PROBLEM_BASE.length)
      : '';
  }

  /** Field messages keyed by the JSON field name (errors.{field}). */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }
}

const FALLBACK_TITLES: Record<number, string> = {
  0: 'Could not reach the server. Check your connection and try again.',
  400: 'Something in that request was not right. Please check it and try again.',
  401: 'Please log in.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that. It may have been removed.',
  409: 'That clashes with something that already exists.',
  412: 'Someone else changed this in the meantime. Reload to see the latest version.',
  413: 'That is too large to send.',
  422: 'Some fields need attention.',
  429: 'Too many attempts. Please wait a moment.',
  503: 'The service is busy. Please try again shortly.',
};

function isRecordOfStringArrays(v: unknown): v is Record<string, string[]> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((x) => Array.isArray(x) && x.every((s) => typeof s === 'string'));
}

/**
 * Turns whatever an error response carried into a Problem, trusting only fields of the
 * right type, so a proxy's HTML error page still yields a readable message.
 */
export function toProblem(status: number, body: unknown): Problem {
  const fallback = FALLBACK_TITLES[status] ?? `Request failed (${status}).`;
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problem: Problem = {
    type: typeof b.type === 'string' ? b.type : 'about:blank',
    title: typeof b.title === 'string' && b.title ? b.title : fallback,
    status,
  };
  if (typeof b.detail === 'string' && b.detail) problem.detail = b.detail;
  if (isRecordOfStringArrays(b.errors)) {
    // Servers may send "Price", "price" or a JSON path "$.price"; the UI keys fields by
    // camelCase JSON name.
    problem.errors = Object.fromEntries(
      Object.entries(b.errors).map(([k, v]) => {
        const name = k.replace(/^\$\.?/, '');
        return [name.charAt(0).toLowerCase() + name.slice(1), v];
      }),
    );
  }
  return problem;
}

export function networkError(): ApiError {
  return new ApiError({ type: 'about:blank', title: FALLBACK_TITLES[0]!, status: 0 });
}

/** "30 seconds", "about 5 minutes", "about 2 hours": a wait as people say it. */
export function humanWait(seconds: number): string {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return `${s} ${s === 1 ? 'second' : 'seconds'}`;
  }
  if (seconds < 3600) {
    const m = Math.ceil(seconds / 60);
    return `${m === 1 ? 'a minute' : `about ${m} minutes`}`;
  }
  const h = Math.ceil(seconds / 3600);
  return h === 1 ? 'about an hour' : `about ${h} hours`;
}

/** The server's own sentences for people, by problem type; the rest get ours by status. */
const SERVER_WORDED = new Set(['email-not-verified', 'invalid-token', 'conflict', 'validation', 'account-suspended', 'taken-down']);

/**
 * A message fit to show a person for any thrown value: never a problem type, a status code, a
 * field name or seconds counted to the unit.
 */
export function messageOf(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.';
  const p = err.problem;
  const fields = Object.values(err.fieldErrors).flat();
  if (err.status === 429) {
    return err.retryAfterSeconds
      ? `Too many attempts. Please try again in ${humanWait(err.retryAfterSeconds)}.`
      : FALLBACK_TITLES[429]!;
  }
  if (SERVER_WORDED.has(err.slug)) {
    if (fields.length) return fields.join(' ');
    if (p.detail) return p.detail;
  }
  if (err.status === 400 && fields.length) return fields.join(' ');
  return FALLBACK_TITLES[err.status] ?? (err.status >= 500 ? 'Something went wrong on our side. Please try again.' : 'Something went wrong. Please try again.');
}
