import { describe, expect, it } from 'vitest';
import {
  classifyGraphError,
  describeGraphError,
  failedRequest,
  GraphError,
  type GraphErrorClass,
  graphErrorMessage,
  readGraphErrorBody,
} from './graph-errors.ts';

// FACEBOOK-PLATFORM.md §5.2, row by row.
const TABLE: [code: number, subcode: number | undefined, expected: GraphErrorClass][] = [
  [1, undefined, 'transient'],
  [2, undefined, 'transient'],
  [4, undefined, 'throttle'],
  [17, undefined, 'throttle'],
  [32, undefined, 'throttle'],
  [341, undefined, 'throttle'],
  [613, undefined, 'throttle'],
  [1200, undefined, 'transient'],
  [10, undefined, 'permission'],
  [10, 2018278, 'window'],
  [10, 2018065, 'permission'],
  [100, undefined, 'permanent'],
  [100, 2018001, 'recipient'],
  [100, 2018292, 'permanent'],
  [102, undefined, 'token'],
  [190, undefined, 'token'],
  [190, 458, 'token'],
  [190, 459, 'token'],
  [190, 460, 'token'],
  [190, 463, 'token'],
  [190, 464, 'token'],
  [190, 467, 'token'],
  [200, undefined, 'permission'],
  [250, undefined, 'permission'],
  [299, undefined, 'permission'],
  [368, undefined, 'permanent'],
  [506, undefined, 'permanent'],
  [551, undefined, 'recipient'],
  [551, 1545041, 'recipient'],
  [4, 2018022, 'throttle'],
];

describe('classifyGraphError', () => {
  it.each(TABLE)('classifies code %s subcode %s as %s', (code, subcode, expected) => {
    expect(classifyGraphError(code, subcode)).toBe(expected);
  });

  it('treats an auth subcode as a token error whatever the code', () => {
    expect(classifyGraphError(100, 460)).toBe('token');
    expect(classifyGraphError(undefined, 463)).toBe('token');
  });

  it('trusts is_transient over the code, except that a throttle stays a throttle', () => {
    expect(classifyGraphError(100, undefined, true)).toBe('transient');
    expect(classifyGraphError(190, undefined, true)).toBe('transient');
    expect(classifyGraphError(4, undefined, true)).toBe('throttle');
    expect(classifyGraphError(100, undefined, false)).toBe('permanent');
  });

  it('calls an error without a code permanent', () => {
    expect(classifyGraphError()).toBe('permanent');
    expect(classifyGraphError(300)).toBe('permanent');
  });
});

describe('readGraphErrorBody', () => {
  it('reads every field of the error object', () => {
    const init = readGraphErrorBody({
      error: {
        message: 'Message describing the error',
        type: 'OAuthException',
        code: 190,
        error_subcode: 460,
        error_user_title: 'A title',
        error_user_msg: 'A message',
        fbtrace_id: 'EJplcsCHuLu',
      },
    });
    expect(init).toEqual({
      errorClass: 'token',
      code: 190,
      subcode: 460,
      type: 'OAuthException',
      fbtraceId: 'EJplcsCHuLu',
      userTitle: 'A title',
      userMessage: 'A message',
      graphMessage: 'Message describing the error',
    });
  });

  it('ignores the message text when classifying', () => {
    const init = readGraphErrorBody({ error: { message: 'Error validating access token', code: 100 } });
    expect(init?.errorClass).toBe('permanent');
  });

  it('accepts codes sent as digit strings', () => {
    expect(readGraphErrorBody({ error: { code: '613' } })?.errorClass).toBe('throttle');
  });

  it('returns undefined for bodies without an error object', () => {
    expect(readGraphErrorBody({ id: '1' })).toBeUndefined();
    expect(readGraphErrorBody({ error: 'nope' })).toBeUndefined();
    expect(readGraphErrorBody(null)).toBeUndefined();
    expect(readGraphErrorBody('error')).toBeUndefined();
  });
});

describe('GraphError', () => {
  it('is retryable only for transient and throttle errors', () => {
    const retryable = (errorClass: GraphErrorClass) => new GraphError('x', { errorClass }).retryable;
    expect(retryable('transient')).toBe(true);
    expect(retryable('throttle')).toBe(true);
    for (const c of ['token', 'permission', 'window', 'recipient', 'permanent'] as const) {
      expect(retryable(c)).toBe(false);
    }
  });

  it('flags 368 as a policy block and says so in its message', () => {
    const init = { errorClass: 'permanent' as const, code: 368, graphMessage: 'Blocked' };
    const e = failedRequest('POST 1/messages', init);
    expect(e.isPolicyBlock).toBe(true);
    expect(e.message).toContain('policy block');
    expect(new GraphError('x', { errorClass: 'permanent', code: 100 }).isPolicyBlock).toBe(false);
  });
});

describe('graphErrorMessage', () => {
  it('names the request, Graph message, codes, status and trace id', () => {
    const message = graphErrorMessage('GET me/accounts', {
      errorClass: 'token',
      code: 190,
      subcode: 460,
      httpStatus: 400,
      fbtraceId: 'EJplcsCHuLu',
      graphMessage: 'Session invalidated',
    });
    expect(message).toBe(
      'Graph GET me/accounts failed: Session invalidated [code 190/460] [HTTP 400] [fbtrace_id EJplcsCHuLu]',
    );
  });
});

describe('describeGraphError', () => {
  const describeInit = (init: ConstructorParameters<typeof GraphError>[1]) =>
    describeGraphError(new GraphError('x', init));

  it('tells the admin to re-activate the page on a token error, with the reason when known', () => {
    expect(describeInit({ errorClass: 'token', code: 190, subcode: 460 })).toBe(
      "The page's access token is no longer valid (password changed). Re-activate the page.",
    );
    expect(describeInit({ errorClass: 'token', code: 190 })).toBe(
      "The page's access token is no longer valid. Re-activate the page.",
    );
  });

  it('gives the throttle wait in minutes', () => {
    expect(describeInit({ errorClass: 'throttle', code: 4, retryAfterMs: 300_000 })).toContain(
      'in about 5 minutes',
    );
  });

  it('tells a network failure apart from a Facebook failure', () => {
    expect(describeInit({ errorClass: 'transient' })).toContain('could not be reached');
    expect(describeInit({ errorClass: 'transient', code: 1 })).toContain('temporary problem');
  });

  it('has a distinct sentence for each class', () => {
    const sentences = new Set(
      (['token', 'permission', 'throttle', 'transient', 'window', 'recipient', 'permanent'] as const).map(
        (c) => describeInit({ errorClass: c, code: 1000 }),
      ),
    );
    expect(sentences.size).toBe(7);
  });

  it('says why a 368 stopped sending', () => {
    expect(describeInit({ errorClass: 'permanent', code: 368 })).toContain('policy reasons');
  });
});
