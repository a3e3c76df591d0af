import type { Asset } from '../../shared';
import { formatAge, useI18n, useNow } from '../i18n';

/** Desired against reported: shown when the device does not report what it was asked. */
export function DriftNotice({ asset }: { asset: Asset }) {
  const { t, locale } = useI18n();
  const nowMs = useNow(30_000);
  if (!asset.drift) return null;
  return (
    <p className="drift-notice" role="status" data-testid="drift-notice">
      <strong>{t('drift.title')}</strong> {asset.drift.message}{' '}
      <span className="muted small">
        ({t(asset.desired?.source === 'programme' ? 'drift.byProgramme' : 'drift.byCommand')}, {formatAge(asset.drift.since, nowMs, locale) ?? t('age.now')})
      </span>
    </p>
  );
}
