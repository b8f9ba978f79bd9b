import { describe, expect, test } from 'vitest';
import { ApiError, asApiError } from '../../client/src/api/http.ts';
import { resourceFor } from '../../client/src/api/useResource.ts';

describe('resourceFor', () => {
  test('nothing to load is idle, whatever is held', () => {
    expect(resourceFor(undefined, { key: 'a', data: 1 })).toEqual({ kind: 'idle' });
  });

  test('an answer for an older key is never shown for the newest one', () => {
    expect(resourceFor('b', { key: 'a', data: 1 })).toEqual({ kind: 'loading' });
    expect(resourceFor('b', undefined)).toEqual({ kind: 'loading' });
  });

  test("the key's own answer or error is shown", () => {
    expect(resourceFor('a', { key: 'a', data: 1 })).toEqual({ kind: 'ready', data: 1 });
    const error = new ApiError(503, undefined, 'The database is unavailable right now.');
    expect(resourceFor('a', { key: 'a', error })).toEqual({ kind: 'error', error });
  });
});

describe('asApiError', () => {
  test('keeps an ApiError and wraps anything else with its message', () => {
    const error = new ApiError(404, undefined, 'Not found');
    expect(asApiError(error)).toBe(error);
    const wrapped = asApiError(new TypeError('bad JSON'));
    expect(wrapped).toBeInstanceOf(ApiError);
    expect(wrapped.message).toBe('bad JSON');
    expect(wrapped.status).toBe(0);
    expect(asApiError('odd').message).toBe('odd');
  });
});
