import { readFileSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import type { Browser, Page } from '@playwright/test';
import sqlite3 from 'sqlite3';
import { z } from 'zod';

/** What the figures were measured on, printed with every benchmark. */
export async function machineInfo(): Promise<Record<string, string>> {
  const sqliteVersion = await new Promise<string>((resolve) => {
    const db = new sqlite3.Database(':memory:');
    db.get('SELECT sqlite_version() AS v', (err, row: { v?: string } | undefined) => {
      db.close();
      resolve(err ? 'inconnue' : (row?.v ?? 'inconnue'));
    });
  });
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'inconnu',
    cores: String(cpu.length),
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    os: `${platform()} ${release()}`,
    node: process.version,
    sqlite: sqliteVersion,
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function processCpuSeconds(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 are utime and stime in clock ticks (100 per second on Linux).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds the whole machine spent busy (all cores, not idle nor waiting on I/O), from /proc/stat. */
export function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal…: busy is all but idle and iowait.
  const total = cpu.reduce((sum, ticks) => sum + ticks, 0);
  return (total - cpu[3]! - (cpu[4] ?? 0)) / 100;
}

/** Resident memory of a process in MiB, from /proc. */
export function processRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

/** What a browser benchmark ran in: the Chromium build and the GL backend behind WebGL. */
export async function browserInfo(browser: Browser, page: Page): Promise<Record<string, string>> {
  // A string, not a function: the page runs it as written (no bundler helpers in its source).
  const gl: unknown = await page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { vendor: 'aucun WebGL2', renderer: 'aucun WebGL2', version: '' };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return {
      vendor: String(gl.getParameter(info ? info.UNMASKED_VENDOR_WEBGL : gl.VENDOR)),
      renderer: String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
      version: String(gl.getParameter(gl.VERSION)),
    };
  })()`);
  const { vendor, renderer, version } = z.object({ vendor: z.string(), renderer: z.string(), version: z.string() }).parse(gl);
  return {
    chromium: browser.version(),
    glVendor: vendor,
    glRenderer: renderer,
    glVersion: version,
    devicePixelRatio: String(await page.evaluate('window.devicePixelRatio')),
  };
}
