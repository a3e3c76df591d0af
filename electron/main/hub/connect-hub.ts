import type { UtilityProcessApi } from '../electron-api';
import { startEmbeddedHub } from './embedded-hub';
import { forkUtilityHub, spawnNodeHub } from './hub-child';
import { probeHubHealth } from './health';
import type { HubEndpoints, HubPlan } from './hub-plan';

export interface HubConnection {
  endpoints: HubEndpoints;
  /** How the console got its hub, for the log. */
  origin: 'remote' | 'already-running' | 'started';
  stop(): Promise<void>;
}

/**
 * Makes the planned hub available. A remote hub is not waited for: the console shows "hub
 * injoignable" and reconnects by itself. An embedded hub is started and waited for, unless a hub
 * already answers on its address (a `npm run hub` left running), which the console then shares.
 */
export async function connectHub(
  plan: HubPlan,
  deps: { utilityProcess: UtilityProcessApi | null; log: (line: string) => void },
): Promise<HubConnection> {
  const nothingToStop = async (): Promise<void> => {};
  if (plan.kind === 'remote') return { endpoints: plan.endpoints, origin: 'remote', stop: nothingToStop };

  if ((await probeHubHealth(plan.endpoints.healthUrl)) !== null) {
    return { endpoints: plan.endpoints, origin: 'already-running', stop: nothingToStop };
  }

  const { launch } = plan;
  let child;
  if (launch.kind === 'node') child = spawnNodeHub(launch, plan.env);
  else if (deps.utilityProcess) child = forkUtilityHub(deps.utilityProcess, launch, plan.env);
  else throw new Error('Aucun moyen de lancer le hub embarqué : définissez BEFFROI_NODE ou BEFFROI_HUB_URL.');

  const hub = await startEmbeddedHub(child, plan.endpoints.healthUrl, { log: (line) => deps.log(`[hub] ${line}`) });
  return { endpoints: plan.endpoints, origin: 'started', stop: () => hub.stop() };
}
