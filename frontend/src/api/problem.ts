import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { localizeServerText } from '../i18n/serverText';
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

  /**
   * Field messages keyed by the JSON field name (errors.{field}), in the UI's language as it is
   * when read: the services write English; in Spanish a sentence we do not know becomes a general
   * one rather than English in a Spanish page.
   */
  get fieldErrors(): Record<string, string[]> {
    return Object.fromEntries(
      Object.entries(this.problem.errors ?? {}).map(([field, messages]) => [
        field,
        messages.map((m) => localizeServerText(m) ?? t('error.field')),
      ]),
    );
  }
}

const FALLBACK_KEYS: Record<number, MessageKey> = {
  0: 'error.network',
  400: 'error.400',
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  409: 'error.409',
  412: 'error.412',
  413: 'error.413',
  422: 'error.422',
  429: 'error.429',
  503: 'error.503',
};

/** What we say for a status when the server said nothing fit to show, in the UI's language. */
function fallbackTitle(status: number): string | null {
  const key = FALLBACK_KEYS[status];
  return key ? t(key) : null;
}

function isRecordOfStringArrays(v: unknown): v is Record<string, string[]> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((x) => Array.isArray(x) && x.every((s) => typeof s === 'string'));
}

/**
 * Turns whatever an error response carried into a Problem, trusting only fields of the
 * right type, so a proxy's HTML error page still yields a readable message.
 */
export function toProblem(status: number, body: unknown): Problem {
  const fallback = fallbackTitle(status) ?? t('error.status', { status: String(status) });
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
  return new ApiError({ type: 'about:blank', title: t('error.network'), status: 0 });
}

/** "30 seconds", "about 5 minutes", "about 2 hours": a wait as people say it. */
export function humanWait(seconds: number): string {
  if (seconds < 60) return t('wait.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  if (seconds < 3600) {
    const m = Math.ceil(seconds / 60);
    return m === 1 ? t('wait.minute') : t('wait.minutes', { count: m });
  }
  const h = Math.ceil(seconds / 3600);
  return h === 1 ? t('wait.hour') : t('wait.hours', { count: h });
}

/** The server's own sentences for people, by problem type; the rest get ours by status. */
const SERVER_WORDED = new Set(['email-not-verified', 'invalid-token', 'conflict', 'validation', 'account-suspended', 'taken-down']);

/**
 * A message fit to show a person for any thrown value: never a problem type, a status code, a
 * field name or seconds counted to the unit. Said in the UI's language at the time of the call,
 * so a screen that keeps the error and calls this while rendering follows a language switch.
 */
export function messageOf(err: unknown): string {
  if (!(err instanceof ApiError)) return t('error.generic');
  const p = err.problem;
  const fields = Object.values(err.fieldErrors).flat();
  if (err.status === 429) {
    return err.retryAfterSeconds
      ? t('error.tooManyWait', { wait: humanWait(err.retryAfterSeconds) })
      : t('error.429');
  }
  if (SERVER_WORDED.has(err.slug)) {
    if (fields.length) return fields.join(' ');
    // In Spanish a detail we do not know is left out: the message by status stands in.
    const detail = p.detail ? localizeServerText(p.detail) : null;
    if (detail) return detail;
  }
  if (err.status === 400 && fields.length) return fields.join(' ');
  return fallbackTitle(err.status) ?? t(err.status >= 500 ? 'error.server' : 'error.generic');
}
