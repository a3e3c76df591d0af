import { useState } from 'react';
import type { Asset, ReplyPayload } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { useI18n } from '../i18n';

type CameraViewReply = ReplyPayload<'camera.view'>;

/**
 * « Voir la caméra »: asks the hub for the camera's view (scope-checked and audited there) and
 * shows what it answers: the stream's address as the video system serves it, or why there is
 * none. The console never reaches the camera itself.
 */
export function CameraView({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const client = useHubClient();
  const [view, setView] = useState<CameraViewReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  const open = async () => {
    setAsking(true);
    setError(null);
    try {
      setView(await client.request('camera.view', { assetId: asset.id }));
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
    } finally {
      setAsking(false);
    }
  };

  return (
    <section className="panel-section" data-testid="camera-view">
      <h3>{t('camera.title')}</h3>
      <button type="button" className="button button--primary" data-testid="camera-open" disabled={asking} onClick={open}>
        {t('camera.open')}
      </button>
      {view && (
        <p className={view.streamUrl ? 'muted' : 'form-error'} role="status" data-testid="camera-message" data-configured={view.streamUrl !== undefined}>
          {view.message}
          {view.streamUrl && (
            <>
              {' '}
              <code data-testid="camera-stream">{view.streamUrl}</code>
            </>
          )}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
