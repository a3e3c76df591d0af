import { readHubConfig } from '../../electron/hub/config';
import { startHub, type HubOptions, type RunningHub } from '../../electron/hub/hub';
import { tempDir } from './temp-dir';

/**
 * A real hub on a free loopback port with its own SQLite file, as integration tests use it.
 * `restart` stops it and starts a new one on the same data directory.
 */
export async function startTestHub(env: Record<string, string> = {}, options: HubOptions = {}): Promise<{
  hub: RunningHub;
  dataDir: string;
  /** Stops the hub, runs `whileDown` (the field goes on without it), starts it again. */
  restart(whileDown?: () => Promise<void>): Promise<RunningHub>;
  stop(): Promise<void>;
}> {
  const dir = await tempDir('beffroi-hub-');
  const config = () =>
    readHubConfig({ BEFFROI_PORT: '0', BEFFROI_DATA_DIR: dir.path, BEFFROI_SIMULATOR: 'off', ...env });
  const quiet = () => undefined;
  let hub = await startHub(config(), quiet, options);
  return {
    get hub() {
      return hub;
    },
    dataDir: dir.path,
    async restart(whileDown?: () => Promise<void>) {
      await hub.stop();
      await whileDown?.();
      hub = await startHub(config(), quiet, options);
      return hub;
    },
    async stop() {
      await hub.stop();
      await dir.remove();
    },
  };
}
