import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { canUseServiceWorker } from './can-use-service-worker.ts';
import './offline-status.css';

// A tab left open for days still hears about a new deployment; browsers only look on navigation.
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Says when the app can be used offline, and offers the new version when one has been deployed.
 * Renders nothing where no service worker may run: the single-file build opened from disk,
 * insecure origins, browsers without the API.
 */
export function OfflineStatus() {
  return canUseServiceWorker(window) ? <ServiceWorkerStatus /> : null;
}

function ServiceWorkerStatus() {
  // A page that a service worker already serves was installed on an earlier visit, whose
  // "installed" event this page never sees; it is as ready offline as the first one was.
  const [servedOffline] = useState(() => navigator.serviceWorker.controller !== null);
  const [registration, setRegistration] = useState<ServiceWorkerRegistration>();
  const {
    offlineReady: [offlineReady],
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({ onRegisteredSW: (_url, r) => setRegistration(r) });

  useEffect(() => {
    if (!registration) return;
    const timer = setInterval(() => {
      if (navigator.onLine) registration.update().catch(() => undefined);
    }, UPDATE_CHECK_MS);
    return () => clearInterval(timer);
  }, [registration]);

  return (
    <p role="status" className="offline-status">
      {needRefresh ? (
        <>
          A new version is available —{' '}
          <button type="button" className="link" onClick={() => void updateServiceWorker(true)}>
            Reload
          </button>
        </>
      ) : (
        (offlineReady || servedOffline) && <span className="offline-ready">Ready to work offline</span>
      )}
    </p>
  );
}
