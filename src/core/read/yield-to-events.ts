/**
 * Lets the worker's pending messages (a cancel) run between pieces of a long read. Awaiting
 * a Blob read does not always give them a turn: Chromium can resolve reads of a file already
 * in memory as microtasks, and a 200 MB file was then read to the end before "Cancel" was
 * handled. A MessageChannel message is a task, so everything queued before it runs first,
 * without setTimeout's 4 ms clamp.
 */
const waiting: (() => void)[] = [];
let ping: (() => void) | undefined;

function openChannel(): () => void {
  const channel = new MessageChannel();
  // Typed by hand: the worker and Node (tests) declare ports differently.
  const port = channel.port1 as unknown as { onmessage: (() => void) | null; ref?: () => void; unref?: () => void };
  port.onmessage = () => {
    waiting.shift()?.();
    // In Node an idle open port would keep the process alive; a waiting one must.
    if (waiting.length === 0) port.unref?.();
  };
  return () => {
    port.ref?.();
    channel.port2.postMessage(null);
  };
}

export function yieldToEvents(): Promise<void> {
  ping ??= openChannel();
  const send = ping;
  return new Promise((resolve) => {
    waiting.push(resolve);
    send();
  });
}
