/**
 * The job id a CI run gives a dataclone step when no `job-id` input names one. Main, post and
 * the CLI in a `run:` or script step of the same job all derive it from these variables, so
 * each finds the clones the others made, even when one of them saved nothing.
 */
export function githubRunJobId(env: NodeJS.ProcessEnv): string {
  return `gh-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? 'job'}`;
}

export function azureRunJobId(env: NodeJS.ProcessEnv): string {
  return `azp-${env.BUILD_BUILDID ?? 'local'}-${env.SYSTEM_JOBID ?? 'job'}`;
}
