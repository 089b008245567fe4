import type { WarmOutcome } from '../warm/await-warm.js';

/**
 * What the warm step did for provision, in lines: how long provision waited for the pull, and
 * per image the digest its tag was pinned to and how long the pull took in all.
 */
export function warmLines(warm: WarmOutcome): string[] {
  return [
    `provision waited ${seconds(warm.waitedMs)} for the warm pull, which started ${seconds(warm.startedBeforeMs)} before provision`,
    ...warm.images.map(
      (image) =>
        `${image.reference}${image.pinned === image.reference ? '' : ` (pinned to ${image.pinned})`}: pulled in ${seconds(image.pullMs)}${image.flushMs === undefined ? '' : `, written to disk in ${seconds(image.flushMs)}`}`,
    ),
  ];
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`;
}
