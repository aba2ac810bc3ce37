import { useEffect, useState } from 'react';
import { parseDeployConfig, type DeployConfig } from '../core/spec/deploy-config.ts';

export interface DeployConfigState {
  config: DeployConfig;
  /** Why config.json was not used, for the page to show; undefined when it was fine or absent. */
  problem: string | undefined;
}

/**
 * Reads the optional `config.json` beside index.html once. Absent (404, or a page opened from
 * disk, which can fetch nothing) means the defaults, silently; present but bad is reported.
 */
export function useDeployConfig(): DeployConfigState {
  const [state, setState] = useState<DeployConfigState>({ config: {}, problem: undefined });
  useEffect(() => {
    if (location.protocol === 'file:') return;
    let live = true;
    fetch(new URL('config.json', document.baseURI), { cache: 'no-cache' })
      .then(async (response) => {
        if (!response.ok) return;
        const parsed = parseDeployConfig(await response.text());
        if (live)
          setState(parsed.ok ? { config: parsed.value, problem: undefined } : { config: {}, problem: parsed.problem });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return state;
}
