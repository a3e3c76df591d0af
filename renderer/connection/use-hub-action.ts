import { useCallback, useState } from 'react';
import { HubRequestError } from './errors';

/**
 * What every dialog that sends something to the hub does: one send at a time, then close, or
 * keep the dialog open with the hub's refusal in its own words (nothing typed is lost). `check`
 * answers a problem found before sending (a required field left empty), shown the same way.
 */
export function useHubAction(onDone: () => void): {
  sending: boolean;
  error: string | null;
  run(send: () => Promise<void>, check?: () => string | undefined): Promise<void>;
} {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (send: () => Promise<void>, check?: () => string | undefined) => {
      const problem = check?.();
      if (problem) {
        setError(problem);
        return;
      }
      setSending(true);
      setError(null);
      try {
        await send();
        onDone();
      } catch (caught) {
        // The hub's refusal, or a problem the form itself found while preparing what to send.
        setError(caught instanceof HubRequestError || caught instanceof Error ? caught.message : String(caught));
        setSending(false);
      }
    },
    [onDone],
  );
  return { sending, error, run };
}
