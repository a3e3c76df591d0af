/**
 * `npm run hub`: the supervision hub as a standalone server (plain Node, no Electron), configured
 * by the environment variables of hub-contract.md.
 */
import { ConfigError, readHubConfig } from './config';
import { startHub } from './hub';

function log(line: string): void {
  console.log(`[hub ${new Date().toISOString()}] ${line}`);
}

async function main(): Promise<void> {
  let config;
  try {
    config = readHubConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration invalide : ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  log(`données : ${config.dataDir}`);
  const hub = await startHub(config, log);
  log(`hub prêt : ${hub.url} (console : ${hub.url}/, santé : ${hub.url}/api/health, WebSocket : ${hub.url.replace('http', 'ws')}/ws)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`arrêt demandé (${signal})`);
    hub.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`Le hub n'a pas pu démarrer : ${error.message}`);
  if (error.message.includes('EADDRINUSE')) console.error('Le port est déjà utilisé : choisissez-en un autre avec BEFFROI_PORT.');
  process.exit(1);
});
