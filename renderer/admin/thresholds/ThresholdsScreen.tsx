import { useCallback, useEffect, useState } from 'react';
import type { AssetKind } from '../../../shared/domain/assets';
import { THRESHOLD_DEFAULTS, type Threshold } from '../../../shared/domain/thresholds';
import { HubRequestError, useHubClient } from '../../connection';
import { useI18n } from '../../i18n';
import { useStore } from '../../state';
import { ThresholdRow } from './ThresholdRow';
import './thresholds.css';

/** The kinds in the order a command post thinks of them; a condition on several kinds shows in each. */
const KINDS: AssetKind[] = ['building', 'waste-container', 'lighting-cabinet', 'camera', 'gate', 'gateway'];

/**
 * « Seuils d'alarme »: every alarm condition with its raise and clear values, delay and priority,
 * one table per asset kind. The product ships the defaults; what an admin changes here applies
 * at the hub's next reading, without a restart, and « Valeur par défaut » sets it back.
 */
export function ThresholdsScreen() {
  const { t } = useI18n();
  const client = useHubClient();
  const [thresholds, setThresholds] = useState<Map<string, Threshold> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const reply = await client.request('threshold.list', {});
      setThresholds(new Map(reply.thresholds.map((threshold) => [threshold.condition, threshold])));
      setError(null);
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
    }
  }, [client]);

  useEffect(() => void refresh(), [refresh]);

  const changed = useCallback(
    (threshold: Threshold) => setThresholds((previous) => (previous ? new Map(previous).set(threshold.condition, threshold) : previous)),
    [],
  );
  // Another admin's change shows at once (the hub journals it as `threshold.updated`).
  const store = useStore();
  useEffect(() => store.onThresholdUpdated(changed), [store, changed]);

  return (
    <div className="thresholds" data-testid="thresholds-screen">
      <header className="admin-toolbar">
        <h2>{t('thresholds.title')}</h2>
      </header>
      <p className="muted">{t('thresholds.intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {thresholds === null ? (
        <p className="muted">{t('thresholds.loading')}</p>
      ) : (
        KINDS.map((kind) => {
          const definitions = THRESHOLD_DEFAULTS.filter((definition) => definition.kinds.includes(kind) && thresholds.has(definition.condition));
          if (definitions.length === 0) return null;
          return (
            <section key={kind} className="thresholds__kind" data-testid="threshold-kind" data-kind={kind}>
              <h3>{t(`kind.${kind}`)}</h3>
              <table className="admin-table">
                <thead>
                  <tr>
                    <th>{t('thresholds.column.condition')}</th>
                    <th>{t('thresholds.column.unit')}</th>
                    <th>{t('thresholds.column.raise')}</th>
                    <th>{t('thresholds.column.clear')}</th>
                    <th>{t('thresholds.column.delaySeconds')}</th>
                    <th>{t('thresholds.column.priority')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {definitions.map((definition) => (
                    <ThresholdRow key={definition.condition} definition={definition} threshold={thresholds.get(definition.condition)!} onChanged={changed} />
                  ))}
                </tbody>
              </table>
            </section>
          );
        })
      )}
    </div>
  );
}
