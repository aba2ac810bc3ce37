import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleHostMessage, type HostActions } from './host-message-handler.ts';
import { parseHostMessage } from './host-protocol.ts';

const ALLOWED = 'https://portal.example';
const allowed = new Set([ALLOWED, 'https://app.example']);
const parent = { name: 'the parent window' };

/** Records every call, so a test can say nothing happened. */
function recorder(hasResult = true) {
  const calls: [string, ...unknown[]][] = [];
  const act: HostActions = {
    acceptHost: (origin) => calls.push(['acceptHost', origin]),
    score: (_file, fileName, threshold) => calls.push(['score', fileName, threshold]),
    setThreshold: (value) => calls.push(['setThreshold', value]),
    requestScoredCsv: () => calls.push(['requestScoredCsv']),
    hasResult: () => hasResult,
    reply: (message) => calls.push(['reply', message]),
  };
  return { act, calls };
}

const polluting = fc.oneof(
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "type": "churn-radar:set-threshold", "threshold": 0.5}')),
  fc.constant(
    JSON.parse(
      '{"type": "churn-radar:score", "fileName": "a.csv", "csv": "x", "constructor": {"prototype": {"polluted": true}}}',
    ),
  ),
  fc.constant({
    type: 'churn-radar:get-scored-csv',
    constructor: { prototype: { polluted: true } },
    __proto__: { polluted: true },
  }),
  fc.record({
    type: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
    threshold: fc.anything(),
  }),
);
const oversized = fc.oneof(
  fc.constant({ type: 'churn-radar:score', fileName: 'x'.repeat(1_000_000), csv: 'a,b\n'.repeat(250_000) }),
  fc.constant({
    type: 'churn-radar:set-threshold',
    threshold: 0.5,
    padding: new Array(100_000).fill({ deep: [1, 2, 3] }),
  }),
  fc.constant({ type: 'x'.repeat(1_000_000) }),
);
const nearlyValid = fc.record(
  {
    type: fc.constantFrom(
      'churn-radar:score',
      'churn-radar:set-threshold',
      'churn-radar:get-scored-csv',
      'churn-radar:ready',
      'CHURN-RADAR:SCORE',
    ),
    fileName: fc.oneof(fc.string(), fc.anything()),
    csv: fc.oneof(fc.string(), fc.constant(new ArrayBuffer(4)), fc.anything()),
    threshold: fc.oneof(fc.double(), fc.anything()),
  },
  { requiredKeys: ['type'] },
);
const payload = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }),
  polluting,
  oversized,
  nearlyValid,
);
const origin = fc.oneof(
  fc.constantFrom(
    ALLOWED,
    'https://app.example',
    'null',
    '',
    'https://portal.example.evil',
    'http://portal.example',
    `${ALLOWED}/`,
  ),
  fc.webUrl(),
);
const source = fc.constantFrom(parent, null, { name: 'another window' });

describe('handleHostMessage', () => {
  it('never throws, answers nothing and does nothing for a message it does not accept', () => {
    fc.assert(
      fc.property(payload, origin, source, (data, from, sender) => {
        const { act, calls } = recorder();
        const acted = handleHostMessage({ data, origin: from, source: sender }, parent, allowed, act);
        const acceptable = sender === parent && allowed.has(from) && parseHostMessage(data) !== undefined;
        expect(acted).toBe(acceptable);
        if (!acceptable) expect(calls).toEqual([]);
        else expect(calls[0]).toEqual(['acceptHost', from]);
        // Replies only ever go to the host just accepted, which is allowed.
        if (calls.some(([name]) => name === 'reply')) expect(allowed.has(from)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 1000 },
    );
  });

  it('acts on each valid message from the parent on an allowed origin', () => {
    const cases: [unknown, unknown[]][] = [
      [{ type: 'churn-radar:score', fileName: 'a.csv', csv: 'x,y', threshold: 0.3 }, ['score', 'a.csv', 0.3]],
      [{ type: 'churn-radar:score', fileName: '', csv: new ArrayBuffer(2) }, ['score', 'host-file.csv', undefined]],
      [{ type: 'churn-radar:set-threshold', threshold: 0 }, ['setThreshold', 0]],
      [{ type: 'churn-radar:set-threshold', threshold: 1 }, ['setThreshold', 1]],
      [{ type: 'churn-radar:get-scored-csv' }, ['requestScoredCsv']],
    ];
    for (const [data, call] of cases) {
      const { act, calls } = recorder();
      expect(handleHostMessage({ data, origin: ALLOWED, source: parent }, parent, allowed, act)).toBe(true);
      expect(calls).toEqual([['acceptHost', ALLOWED], call]);
    }
  });

  it('answers a request for the CSV before any result with an error, to that host only', () => {
    const { act, calls } = recorder(false);
    handleHostMessage(
      { data: { type: 'churn-radar:get-scored-csv' }, origin: ALLOWED, source: parent },
      parent,
      allowed,
      act,
    );
    expect(calls).toEqual([
      ['acceptHost', ALLOWED],
      ['reply', { type: 'churn-radar:error', message: 'No file has been scored yet.' }],
    ]);
  });

  it.each([
    ['a threshold just above 1', { type: 'churn-radar:set-threshold', threshold: 1.0000001 }],
    ['a threshold just below 0', { type: 'churn-radar:set-threshold', threshold: -1e-9 }],
    ['an infinite threshold', { type: 'churn-radar:set-threshold', threshold: Infinity }],
    ['a threshold as text', { type: 'churn-radar:set-threshold', threshold: '0.5' }],
    ['a file name that is not text', { type: 'churn-radar:score', fileName: 5, csv: 'x' }],
    [
      'a CSV that is a typed array, not a buffer',
      { type: 'churn-radar:score', fileName: 'a.csv', csv: new Uint8Array(2) },
    ],
  ])('drops %s', (_, data) => {
    const { act, calls } = recorder();
    expect(handleHostMessage({ data, origin: ALLOWED, source: parent }, parent, allowed, act)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('drops a valid message from a window other than the parent, even on an allowed origin', () => {
    const { act, calls } = recorder();
    expect(
      handleHostMessage(
        { data: { type: 'churn-radar:get-scored-csv' }, origin: ALLOWED, source: {} },
        parent,
        allowed,
        act,
      ),
    ).toBe(false);
    expect(calls).toEqual([]);
  });
});
