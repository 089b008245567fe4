import { describeError } from '../core/errors.js';
import type { HostFacts } from '../docker/host-facts.js';
import { gib, type CheckResult } from './check.js';

export type EngineDetails = Pick<
  HostFacts,
  'serverVersion' | 'operatingSystem' | 'osType' | 'architecture' | 'cpus' | 'memoryBytes'
>;

export type EngineCheck = CheckResult<'docker', EngineDetails>;

/** The engine answered: what it runs on, and whether it runs the Linux containers dataclone needs. */
export function classifyEngine(facts: HostFacts): EngineCheck {
  const { serverVersion, operatingSystem, osType, architecture, cpus, memoryBytes } = facts;
  const details = { serverVersion, operatingSystem, osType, architecture, cpus, memoryBytes };
  const finding = `Docker ${serverVersion}, ${operatingSystem || 'unknown OS'}, ${architecture}, ${cpus} CPUs, ${gib(memoryBytes)} memory`;
  if (osType && osType !== 'linux') {
    return {
      name: 'docker',
      status: 'fail',
      finding: `${finding}: it runs ${osType} containers`,
      hint: 'dataclone needs Linux containers: switch Docker Desktop to Linux containers, or point DOCKER_HOST at a Linux Docker Engine.',
      details,
    };
  }
  return { name: 'docker', status: 'ok', finding, details };
}

/** The engine did not answer: the error's own message and hint say where and what to do. */
export function engineUnreachable(error: unknown): EngineCheck {
  const { message, hint } = describeError(error);
  return {
    name: 'docker',
    status: 'fail',
    finding: message,
    hint: hint ?? 'Start Docker, or point DOCKER_HOST at a running Docker Engine.',
  };
}
