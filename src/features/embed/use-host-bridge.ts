import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Progress } from '../../worker/protocol.ts';
import { allowedOrigins } from './allowed-origins.ts';
import { handleHostMessage } from './host-message-handler.ts';
import type { AppToHost, HostCampaign, ResultSummary } from './host-protocol.ts';

export interface HostBridgeInputs {
  modelsReady: boolean;
  /** Origins config.json allows besides the build's VITE_EMBED_ORIGINS. */
  configuredOrigins: readonly string[];
  progress: Progress | undefined;
  summary: ResultSummary | undefined;
  /** The summary's campaign figures are not yet those of the settings in force: it is sent once they are. */
  summaryPending?: boolean;
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
    for (const origin of allowed)
      window.parent.postMessage({ type: 'churn-radar:ready', version: 1 } satisfies AppToHost, origin);
  }, [framed, inputs.modelsReady, allowed]);

  useEffect(() => {
    if (!framed) return;
    const onMessage = (event: MessageEvent) => {
      const act = latest.current;
      handleHostMessage(event, window.parent, allowed, {
        acceptHost: (origin) => {
          host.current = origin;
        },
        score: (file, fileName, threshold) => {
          pendingThreshold.current = threshold;
          act.score(file, fileName);
        },
        setThreshold: act.setThreshold,
        requestScoredCsv: act.requestScoredCsv,
        setCampaign: act.setCampaign,
        hasResult: () => act.summary !== undefined,
        reply: send,
      });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [framed, allowed, send]);

  const { progress, summary, summaryPending, error, hostCsv } = inputs;
  useEffect(() => {
    if (progress)
      send({
        type: 'churn-radar:progress',
        phase: progress.phase,
        rows: progress.rows,
        bytes: progress.bytes,
        totalBytes: progress.totalBytes,
      });
  }, [progress, send]);

  useEffect(() => {
    if (!summary || summaryPending) return;
    // A threshold sent with the file applies once its scores are in.
    if (pendingThreshold.current !== undefined && pendingThreshold.current !== summary.threshold) {
      latest.current.setThreshold(pendingThreshold.current);
      pendingThreshold.current = undefined;
      return;
    }
    pendingThreshold.current = undefined;
    send({ type: 'churn-radar:result', summary });
  }, [summary, summaryPending, send]);

  useEffect(() => {
    if (error) send({ type: 'churn-radar:error', message: error });
  }, [error, send]);

  useEffect(() => {
    if (hostCsv) send({ type: 'churn-radar:scored-csv', fileName: hostCsv.fileName, csv: hostCsv.blob });
  }, [hostCsv, send]);
}
