/** When a test kills a step's process: at once, then at points through provisioning a clone. */
export const KILL_POINTS = [
  ['killed at once', 0],
  ['killed 100 ms into provisioning', 100],
  ['killed 300 ms into provisioning', 300],
  ['killed 600 ms into provisioning', 600],
  ['killed 1000 ms into provisioning', 1000],
  ['killed 1500 ms into provisioning', 1500],
] as const;
