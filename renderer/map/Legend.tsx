import { useState } from 'react';
import { ASSET_STATUSES, seesDevices } from '../../shared';
import { useConnectionState } from '../connection';
import { useI18n, type MessageKey } from '../i18n';
import { statusCss } from '../state';
import type { IconName } from './icon-atlas';
import { KindIcon } from './kind-icon';

const KINDS: Array<{ icon: IconName | 'lamp'; label: MessageKey }> = [
  { icon: 'cabinet', label: 'kind.lighting-cabinet' },
  { icon: 'lamp', label: 'kind.street-lamp' },
  { icon: 'bin', label: 'kind.waste-container' },
  { icon: 'school', label: 'category.school' },
  { icon: 'building', label: 'kind.building' },
  { icon: 'camera', label: 'kind.camera' },
  { icon: 'gate', label: 'kind.gate' },
  { icon: 'gateway', label: 'kind.gateway' },
];

const NEUTRAL = '#c9d3e3';

/**
 * Status colours always in view (they are what the operator reads the map by); the kind icons
 * unfold on demand, since their shapes are learnt in a day.
 */
export function Legend() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { session } = useConnectionState();
  // Gateways are on the command post's map only (technical data, like device identifiers).
  const kinds = KINDS.filter((k) => k.icon !== 'gateway' || (session !== null && seesDevices(session.user.role)));
  return (
    <section className="legend" data-testid="map-legend" aria-label={t('map.legend')}>
      <ul className="legend__statuses">
        {ASSET_STATUSES.map((status) => (
          <li key={status}>
            <span className="status-dot" style={{ background: statusCss(status) }} />
            {t(`status.${status}`)}
          </li>
        ))}
      </ul>
      <button type="button" className="legend__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('map.legendKinds')} <span aria-hidden>{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div className="legend__body">
          <ul className="legend__list">
            {kinds.map(({ icon, label }) => (
              <li key={icon}>
                <KindIcon icon={icon} colour={NEUTRAL} sizePx={16} />
                {t(label)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
