import { useI18n } from '../i18n';
import { ADMIN_HASH, navigateTo } from '../app/hash-route';
import { ADMIN_TABS } from './admin-tabs';
import './admin.css';

/**
 * Administration, for admins only (the hub refuses every admin op to anyone else): one tab per
 * concern, the tab in the URL so a reload stays where the admin was.
 */
export function AdminScreen({ route }: { route: string }) {
  const { t } = useI18n();
  const wanted = route.slice(ADMIN_HASH.length + 1);
  const current = ADMIN_TABS.find((tab) => tab.id === wanted) ?? ADMIN_TABS[0];

  return (
    <main className="admin" data-testid="admin-screen">
      <nav className="admin__tabs" role="tablist" aria-label={t('admin.title')}>
        {ADMIN_TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab === current}
            className={`admin__tab${tab === current ? ' admin__tab--current' : ''}`}
            data-testid={`admin-tab-${tab.id}`}
            onClick={() => navigateTo(`${ADMIN_HASH}/${tab.id}`)}
          >
            {t(tab.label)}
          </button>
        ))}
      </nav>
      <section className="admin__content" role="tabpanel">
        {current ? <current.Screen /> : <p className="muted">{t('admin.empty')}</p>}
      </section>
    </main>
  );
}
