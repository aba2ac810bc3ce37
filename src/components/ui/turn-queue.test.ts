import { describe, expect, it } from 'vitest';
import { turnQueue } from './turn-queue.ts';

/** A queue whose tasks run when the test says so. */
function manual() {
  const tasks: (() => void)[] = [];
  const queue = turnQueue((run) => tasks.push(run));
  const runTask = () => tasks.shift()!();
  return { queue, tasks, runTask };
}

describe('turnQueue', () => {
  it('runs one turn per task, in order', () => {
    const { queue, tasks, runTask } = manual();
    const ran: string[] = [];
    for (const name of ['a', 'b', 'c'])
      queue.enqueue(() => {
        ran.push(name);
        return true;
      });
    expect(tasks).toHaveLength(1);
    runTask();
    expect(ran).toEqual(['a']);
    runTask();
    runTask();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(tasks).toHaveLength(0);
  });

  it('skips turns with nothing to do within the same task', () => {
    const { queue, tasks, runTask } = manual();
    const ran: string[] = [];
    queue.enqueue(() => false);
    queue.enqueue(() => false);
    queue.enqueue(() => {
      ran.push('drawn');
      return true;
    });
    runTask();
    expect(ran).toEqual(['drawn']);
    expect(tasks).toHaveLength(0);
  });

  it('ends the task quietly when every turn left had nothing to do', () => {
    const { queue, tasks, runTask } = manual();
    queue.enqueue(() => false);
    queue.enqueue(() => false);
    expect(runTask).not.toThrow();
    expect(tasks).toHaveLength(0);
  });

  it('asks for one task at a time, and again for turns queued later', () => {
    const { queue, tasks, runTask } = manual();
    queue.enqueue(() => true);
    queue.enqueue(() => true);
    expect(tasks).toHaveLength(1);
    runTask();
    expect(tasks).toHaveLength(1);
    runTask();
    expect(tasks).toHaveLength(0);
    queue.enqueue(() => true);
    expect(tasks).toHaveLength(1);
  });
});
