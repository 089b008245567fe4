import type { CheckResult } from './check.js';

export type NetworkingCheck = CheckResult<'networking', { hostNetworking: boolean }>;

/**
 * Whether clones here could use host networking (faster starts and resets). Informational: bridge
 * networking, the default, works everywhere, so this check is ok either way.
 */
export function classifyNetworking(problem: string | undefined): NetworkingCheck {
  return problem
    ? {
        name: 'networking',
        status: 'ok',
        finding: `clones use bridge networking; host networking is not for this machine: ${problem}`,
        details: { hostNetworking: false },
      }
    : {
        name: 'networking',
        status: 'ok',
        finding:
          'host networking available: --networking host (or DATACLONE_NETWORKING=host) starts and resets clones faster; see README "Faster starts: host networking"',
        details: { hostNetworking: true },
      };
}
