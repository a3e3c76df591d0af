import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/hub/codecs/cli';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('codec CLI (in process)', () => {
  it('lists the models with vendor and description', () => {
    const { code, stdout } = run('decode', '--list');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toContainEqual(expect.objectContaining({ model: 'milesight-wt101', vendor: 'Milesight' }));
  });

  it('decodes a frame into fields and observations with units', () => {
    const { code, stdout } = run('decode', '--model', 'milesight-em310-udl', '--fport', '85', '--hex', '01755C 03824408 040001');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      model: 'milesight-em310-udl',
      fPort: 85,
      fields: { battery: 92, distance: 2116, position: 'tilt' },
      observations: [
        { metric: 'batteryPercent', value: 92, unit: '%', label: 'Batterie' },
        { metric: 'distanceMm', value: 2116, unit: 'mm', label: 'Distance mesurée' },
        { metric: 'tilted', value: true, unit: '', label: 'Capteur incliné' },
      ],
    });
  });

  it('normalises an object the network server decoded', () => {
    const { code, stdout } = run('decode', '--model', 'vms-camera', '--object', '{"online":false,"recording":false}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).observations).toHaveLength(2);
  });

  it.each([
    [['--model', 'dragino-lt22222-l', '--command', '{"type":"gate.set","position":"open"}'], { fPort: 1, hex: '030111' }],
    [['--model', 'milesight-ws558', '--command', '{"type":"lighting.dim","percent":0}'], { fPort: 85, hex: '08ff00' }],
    [['--model', 'mclimate-vicki', '--command', '{"type":"heating.setpoint","celsius":19.5}'], { fPort: 2, hex: '5100c3' }],
  ])('encodes a command: %j', (args, downlink) => {
    const { code, stdout } = run('encode', ...args);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject(downlink);
  });

  it.each([
    ['a truncated frame', ['decode', '--model', 'milesight-am307', '--fport', '85', '--hex', '0367EE'], 1, /milesight-am307, port 85, octet 2 : trame tronquée/],
    ['a frame on the wrong port', ['decode', '--model', 'dragino-lt22222-l', '--fport', '9', '--hex', '00'], 1, /port 9, octet 0/],
    ['odd hex', ['decode', '--model', 'milesight-am307', '--fport', '85', '--hex', '036'], 2, /hexadécimal invalide/],
    ['an unknown model', ['decode', '--model', 'acme', '--fport', '85', '--hex', '00'], 2, /modèle « acme » inconnu/],
    ['a missing port', ['decode', '--model', 'milesight-am307', '--hex', '00'], 2, /--fport/],
    ['a setpoint the model cannot take', ['encode', '--model', 'milesight-wt101', '--command', '{"type":"heating.setpoint","celsius":19.5}'], 1, /degrés entiers/],
    ['a command of the wrong shape', ['encode', '--model', 'milesight-wt101', '--command', '{"type":"heating.setpoint"}'], 2, /commande invalide/],
    ['an unknown option', ['decode', '--colour'], 2, /Utilisation/],
  ])('refuses %s with a clear message and a non-zero exit', (_name, argv, exitCode, message) => {
    const { code, stdout, stderr } = run(...argv);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('codec CLI (as npm runs it, through tsx)', () => {
  const tsx = `${ROOT}node_modules/.bin/tsx`;
  const cli = `${ROOT}electron/hub/codecs/cli.ts`;

  it('prints the decoded JSON and exits 0', () => {
    const result = spawnSync(tsx, [cli, 'decode', '--model', 'milesight-wt101', '--fport', '85', '--hex', 'FFB1130A00'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).fields).toEqual({ target_temperature: 19, temperature_tolerance: 1 });
  });

  it('exits 1 and names the byte for a bad payload', () => {
    const result = spawnSync(tsx, [cli, 'decode', '--model', 'milesight-ws558', '--fport', '85', '--hex', '083100'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/milesight-ws558, port 85, octet 2/);
  });
});
