import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { UtilityProcessApi } from '../electron-api';
import type { HubLaunch } from './hub-plan';

/** A running hub process, whichever way it was started. */
export interface HubChild {
  readonly pid: number | undefined;
  /** Asks the hub to stop (SIGTERM, so it closes SQLite cleanly); `force` kills it. */
  kill(force?: boolean): void;
  onExit(listener: (code: number | null) => void): void;
  onLine(listener: (line: string) => void): void;
}

/** Starts the hub as a plain Node.js child process. */
export function spawnNodeHub(launch: Extract<HubLaunch, { kind: 'node' }>, env: Record<string, string | undefined>): HubChild {
  const child = spawn(launch.nodePath, launch.args, { cwd: launch.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lineListeners: Array<(line: string) => void> = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => lineListeners.forEach((listener) => listener(line)));
  }
  return {
    pid: child.pid,
    kill: (force) => void child.kill(force ? 'SIGKILL' : 'SIGTERM'),
    onExit: (listener) => {
      let told = false;
      const tell = (code: number | null): void => {
        if (!told) listener(code);
        told = true;
      };
      if (child.exitCode !== null || child.signalCode !== null) tell(child.exitCode);
      child.once('exit', tell);
      // A missing executable is reported as 'error' and never as 'exit'.
      child.once('error', () => tell(null));
    },
    onLine: (listener) => void lineListeners.push(listener),
  };
}

/** Starts the bundled hub in an Electron utility process (packaged app). */
export function forkUtilityHub(
  utilityProcess: UtilityProcessApi,
  launch: Extract<HubLaunch, { kind: 'utility' }>,
  env: Record<string, string | undefined>,
): HubChild {
  const child = utilityProcess.fork(launch.modulePath, [], { env, stdio: 'pipe', serviceName: 'Beffroi hub', cwd: launch.cwd });
  const lineListeners: Array<(line: string) => void> = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => lineListeners.forEach((listener) => listener(line)));
  }
  let exitCode: number | undefined;
  child.on('exit', (code) => {
    exitCode = code;
  });
  return {
    get pid() {
      return child.pid;
    },
    // A utility process has no signal choice: kill() ends it (SIGTERM on POSIX).
    kill: () => void child.kill(),
    onExit: (listener) => {
      if (exitCode !== undefined) listener(exitCode);
      else child.on('exit', (code) => listener(code));
    },
    onLine: (listener) => void lineListeners.push(listener),
  };
}
