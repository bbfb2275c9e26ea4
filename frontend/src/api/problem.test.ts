import { describe, expect, it } from 'vitest';
import { ApiError, messageOf, networkError, toProblem } from './problem';

const error = (status: number, body: unknown, retryAfter: number | null = null) => new ApiError(toProblem(status, body), retryAfter);
const problem = (status: number, slug: string, title: string, detail?: string, errors?: Record<string, string[]>) => ({
  type: `https://covacha.dev/problems/${slug}`,
  title,
  status,
  ...(detail ? { detail } : {}),
  ...(errors ? { errors } : {}),
});

describe('messageOf', () => {
  it.each([
    [error(429, problem(429, 'too-many-requests', 'Too many requests.', 'Wait before trying again.'), 293), 'Too many attempts. Please try again in about 5 minutes.'],
    [error(429, problem(429, 'too-many-requests', 'Too many requests.'), 45), 'Too many attempts. Please try again in 45 seconds.'],
    [error(429, problem(429, 'too-many-requests', 'Too many requests.'), 60), 'Too many attempts. Please try again in a minute.'],
    [
      error(400, problem(400, 'bad-request', 'The request is malformed.', 'page: Results beyond the first 1000 are not served', { page: ['Results beyond the first 1000 are not served'] })),
      'Results beyond the first 1000 are not served',
    ],
    [
      error(422, problem(422, 'validation', 'One or more fields are invalid.', 'price: At most 2,000,000,000 COP.', { price: ['At most 2,000,000,000 COP.'] })),
      'At most 2,000,000,000 COP.',
    ],
    [
      error(403, problem(403, 'email-not-verified', 'Email not verified.', 'Confirm your email address before publishing.')),
      'Confirm your email address before publishing.',
    ],
    [error(503, problem(503, 'unavailable', 'Service unavailable.', 'search-store: timeout')), 'The service is busy. Please try again shortly.'],
    [error(500, problem(500, 'internal', 'Internal server error.', 'Something went wrong on our side; it has been logged.')), 'Something went wrong on our side. Please try again.'],
    [error(502, '<html>Bad gateway</html>'), 'Something went wrong on our side. Please try again.'],
    [error(404, problem(404, 'not-found', 'Not found.', 'No such resource.')), 'We could not find that. It may have been removed.'],
    [networkError(), 'Could not reach the server. Check your connection and try again.'],
    [new TypeError('x is undefined'), 'Something went wrong. Please try again.'],
  ])('words %o for people', (err, expected) => {
    const message = messageOf(err);
    expect(message).toBe(expected);
    expect(message).not.toMatch(/covacha\.dev|problems\/|\b[45]\d\d\b|\d+ s\b|^\w+: /);
  });
});
