import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sharesDockerNetwork } from '../../../src/docker/shares-docker-network.js';

describe('sharesDockerNetwork', () => {
  let proc: string;
  afterEach(() => rmSync(proc, { recursive: true, force: true }));

  function fakeProc(own: string, processes: Record<string, { comm: string; net: string }>): string {
    proc = mkdtempSync(path.join(os.tmpdir(), 'dataclone-proc-'));
    const add = (pid: string, comm: string, net: string) => {
      mkdirSync(path.join(proc, pid, 'ns'), { recursive: true });
      writeFileSync(path.join(proc, pid, 'comm'), `${comm}\n`);
      symlinkSync(net, path.join(proc, pid, 'ns', 'net'));
    };
    add('self', 'node', own);
    for (const [pid, { comm, net }] of Object.entries(processes)) add(pid, comm, net);
    return proc;
  }

  it("is true in dockerd's network namespace", () => {
    const dir = fakeProc('net:[4026531840]', {
      '1': { comm: 'systemd', net: 'net:[4026531840]' },
      '812': { comm: 'dockerd', net: 'net:[4026531840]' },
    });
    expect(sharesDockerNetwork(dir)).toBe(true);
  });

  it('is false in a namespace of its own, a job container say', () => {
    const dir = fakeProc('net:[4026532301]', { '812': { comm: 'dockerd', net: 'net:[4026531840]' } });
    expect(sharesDockerNetwork(dir)).toBe(false);
  });

  it('is false where no dockerd is to be seen', () => {
    const dir = fakeProc('net:[4026531840]', { '1': { comm: 'systemd', net: 'net:[4026531840]' } });
    expect(sharesDockerNetwork(dir)).toBe(false);
  });
});
