import { parseHostMessage, type AppToHost, type HostCampaign } from './host-protocol.ts';

/** What a message from the host page may make the app do. */
export interface HostActions {
  /** The host that sent the last accepted message: replies go to it, and to it only. */
  acceptHost(origin: string): void;
  score(file: Blob, fileName: string, threshold: number | undefined): void;
  setThreshold(value: number): void;
  requestScoredCsv(): void;
  setCampaign?(campaign: HostCampaign): void;
  hasResult(): boolean;
  reply(message: AppToHost): void;
}

/** The parts of a MessageEvent the handler reads. */
export interface HostMessageEvent {
  data: unknown;
  origin: string;
  source: unknown;
}

/**
 * Acts on one message from the page that frames the app. Only the parent window, from an
 * allowed origin, with a message that passes the schema, gets anything done; everything else
 * is dropped without a reply. Returns whether the message was acted on.
 */
export function handleHostMessage(
  event: HostMessageEvent,
  parent: unknown,
  allowed: ReadonlySet<string>,
  act: HostActions,
): boolean {
  if (event.source !== parent || !allowed.has(event.origin)) return false;
  const message = parseHostMessage(event.data);
  if (!message) return false;
  act.acceptHost(event.origin);
  switch (message.type) {
    case 'churn-radar:score':
      act.score(new Blob([message.csv], { type: 'text/csv' }), message.fileName, message.threshold);
      break;
    case 'churn-radar:set-threshold':
      act.setThreshold(message.threshold);
      break;
    case 'churn-radar:get-scored-csv':
      if (act.hasResult()) act.requestScoredCsv();
      else act.reply({ type: 'churn-radar:error', message: 'No file has been scored yet.' });
      break;
    case 'churn-radar:set-campaign':
      act.setCampaign?.(message.campaign);
  }
  return true;
}
