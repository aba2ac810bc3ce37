import { describe, expect, it } from 'vitest';
import { allowedOrigins } from './allowed-origins.ts';
import { parseHostMessage } from './host-protocol.ts';

describe('allowedOrigins', () => {
  it.each([
    [undefined, 'https://app.example', ['https://app.example']],
    [
      'https://portal.example, https://intranet.example:8443/path',
      'https://app.example',
      ['https://portal.example', 'https://intranet.example:8443', 'https://app.example'],
    ],
    ['not a url,,  ', 'https://app.example', ['https://app.example']],
    ['https://portal.example', 'null', ['https://portal.example']],
  ])('%j on %s', (configured, own, expected) => {
    expect([...allowedOrigins(configured, own)]).toEqual(expected);
  });
});

describe('parseHostMessage', () => {
  const bytes = new ArrayBuffer(3);
  it.each([
    [
      { type: 'churn-radar:score', fileName: 'a.csv', csv: 'x,y' },
      { type: 'churn-radar:score', fileName: 'a.csv', csv: 'x,y', threshold: undefined },
    ],
    [
      { type: 'churn-radar:score', fileName: 'a.csv', csv: bytes, threshold: 0.3 },
      { type: 'churn-radar:score', fileName: 'a.csv', csv: bytes, threshold: 0.3 },
    ],
    [
      { type: 'churn-radar:set-threshold', threshold: 1 },
      { type: 'churn-radar:set-threshold', threshold: 1 },
    ],
    [{ type: 'churn-radar:get-scored-csv' }, { type: 'churn-radar:get-scored-csv' }],
  ])('accepts %j', (message, expected) => {
    expect(parseHostMessage(message)).toEqual(expected);
  });

  it.each([
    null,
    'churn-radar:score',
    { type: 'churn-radar:score', fileName: 'a.csv' },
    { type: 'churn-radar:score', fileName: 'a.csv', csv: 'x', threshold: 2 },
    { type: 'churn-radar:set-threshold', threshold: Number.NaN },
    { type: 'something-else' },
  ])('ignores %j', (message) => {
    expect(parseHostMessage(message)).toBeUndefined();
  });

  it.each([
    [
      { type: 'churn-radar:set-campaign', campaign: { cost: 12, saveRate: 0.3 } },
      { type: 'churn-radar:set-campaign', campaign: { cost: 12, saveRate: 0.3 } },
    ],
    [
      { type: 'churn-radar:set-campaign', campaign: {} },
      { type: 'churn-radar:set-campaign', campaign: {} },
    ],
    [{ type: 'churn-radar:set-campaign', campaign: { saveRate: 1.5 } }, undefined],
    [{ type: 'churn-radar:set-campaign', campaign: { cost: -1 } }, undefined],
    [{ type: 'churn-radar:set-campaign', campaign: { months: '12' } }, undefined],
    [{ type: 'churn-radar:set-campaign' }, undefined],
  ])('reads campaign settings %o', (message, expected) => {
    expect(parseHostMessage(message)).toEqual(expected);
  });
});
