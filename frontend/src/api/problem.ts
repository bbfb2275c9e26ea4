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
  400: 'The request was not understood.',
  401: 'Please log in.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with existing data.',
  412: 'Someone else changed this in the meantime.',
  413: 'That is too large.',
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

/** A message fit to show a person for any thrown value. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    const p = err.problem;
    if (err.status === 429 && err.retryAfterSeconds) {
      return `${p.title} Try again in ${err.retryAfterSeconds} s.`;
    }
    return p.detail && p.detail !== p.title ? `${p.title} ${p.detail}` : p.title;
  }
  return 'Something went wrong. Please try again.';
}
