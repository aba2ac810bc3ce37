import { describe, expect, it } from 'vitest';
import { yieldToEvents } from './yield-to-events.ts';

describe('yieldToEvents', () => {
  it('resumes every waiter, in the order they yielded, and again on later calls', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => yieldToEvents().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    for (let k = 0; k < 3; k++) await yieldToEvents();
    await Promise.all([4, 5].map((n) => yieldToEvents().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});
