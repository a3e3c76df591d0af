import { useEffect, useState } from 'react';

/**
 * The console's few routes live in the URL hash (`#administration`, `#alarmes`), so a link in a
 * notification or a second window opens the right view after login, in Electron and in a browser.
 */
export function useHashRoute(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function navigateTo(hash: string): void {
  window.location.hash = hash;
}

export const ADMIN_HASH = '#administration';
