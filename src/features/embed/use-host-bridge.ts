import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Progress } from '../../worker/protocol.ts';
import { allowedOrigins } from './allowed-origins.ts';
import { parseHostMessage, type AppToHost, type HostCampaign, type ResultSummary } from './host-protocol.ts';

export interface HostBridgeInputs {
  modelsReady: boolean;
  /** Origins config.json allows besides the build's VITE_EMBED_ORIGINS. */
  configuredOrigins: readonly string[];
  progress: Progress | undefined;
  summary: ResultSummary | undefined;
  error: string | undefined;
  /** A scored CSV the host asked for, once it is built. */
  hostCsv: { blob: Blob; fileName: string } | undefined;
  score: (file: Blob, fileName: string) => void;
  setThreshold: (value: number) => void;
  requestScoredCsv: () => void;
  setCampaign?: (campaign: HostCampaign) => void;
}

/**
 * Lets a portal page that frames the app drive it with postMessage (see host-protocol.ts).
 * Only the parent frame, and only from an allowed origin, is listened to; every reply
 * names that origin explicitly, so results never reach a page that was not allowed.
 */
export function useHostBridge(inputs: HostBridgeInputs): void {
  const framed = typeof window !== 'undefined' && window.parent !== window;
  const configured = [import.meta.env.VITE_EMBED_ORIGINS ?? '', ...inputs.configuredOrigins].join(',');
  const allowed = useMemo(() => allowedOrigins(configured, window.location.origin), [configured]);
  const host = useRef<string | undefined>(undefined);
  const pendingThreshold = useRef<number | undefined>(undefined);
  const latest = useRef(inputs);
  useEffect(() => {
    latest.current = inputs;
  });

  const send = useCallback((message: AppToHost) => {
    if (host.current) window.parent.postMessage(message, host.current);
  }, []);

  // "ready" goes to each allowed origin; the browser delivers it only to the one actually framing us.
  const announced = useRef(false);
  useEffect(() => {
    if (!framed || !inputs.modelsReady || announced.current) return;
    announced.current = true;
    for (const origin of allowed) window.parent.postMessage({ type: 'churn-radar:ready', version: 1 } satisfies AppToHost, origin);
  }, [framed, inputs.modelsReady, allowed]);

  useEffect(() => {
    if (!framed) return;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || !allowed.has(event.origin)) return;
      const message = parseHostMessage(event.data);
      if (!message) return;
      host.current = event.origin;
      const act = latest.current;
      switch (message.type) {
        case 'churn-radar:score':
          pendingThreshold.current = message.threshold;
          act.score(new Blob([message.csv], { type: 'text/csv' }), message.fileName);
          return;
        case 'churn-radar:set-threshold':
          act.setThreshold(message.threshold);
          return;
        case 'churn-radar:get-scored-csv':
          if (act.summary) act.requestScoredCsv();
          else send({ type: 'churn-radar:error', message: 'No file has been scored yet.' });
          return;
        case 'churn-radar:set-campaign':
          act.setCampaign?.(message.campaign);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [framed, allowed, send]);

  const { progress, summary, error, hostCsv } = inputs;
  useEffect(() => {
    if (progress) send({ type: 'churn-radar:progress', phase: progress.phase, rows: progress.rows, bytes: progress.bytes, totalBytes: progress.totalBytes });
  }, [progress, send]);

  useEffect(() => {
    if (!summary) return;
    // A threshold sent with the file applies once its scores are in.
    if (pendingThreshold.current !== undefined && pendingThreshold.current !== summary.threshold) {
      latest.current.setThreshold(pendingThreshold.current);
      pendingThreshold.current = undefined;
      return;
    }
    pendingThreshold.current = undefined;
    send({ type: 'churn-radar:result', summary });
  }, [summary, send]);

  useEffect(() => {
    if (error) send({ type: 'churn-radar:error', message: error });
  }, [error, send]);

  useEffect(() => {
    if (hostCsv) send({ type: 'churn-radar:scored-csv', fileName: hostCsv.fileName, csv: hostCsv.blob });
  }, [hostCsv, send]);
}
