import { readFileSync } from 'node:fs';

/** The hidden line that marks dataclone's comment, so later runs update it instead of adding one. */
export const COMMENT_MARKER = '<!-- dataclone: migration checks -->';

export interface PullRequestTarget {
  apiUrl: string;
  repository: string;
  number: number;
  token: string;
}

/** What happened to the comment, for the job summary: posting never fails the job. */
export type CommentOutcome =
  { kind: 'created' | 'updated'; url: string } | { kind: 'skipped' | 'warning'; message: string };

/**
 * The pull request this workflow run is for, from the event payload, or why there is none to
 * comment on: not a pull_request event, a pull request from a fork (its token cannot write), or
 * no token.
 */
export function pullRequestOfRun(
  env: NodeJS.ProcessEnv,
  token: string,
): { target: PullRequestTarget } | { skipped: string } {
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const pull = event?.pull_request;
  if (!pull || typeof pull.number !== 'number')
    return {
      skipped: `not a pull request run (event ${env.GITHUB_EVENT_NAME ?? 'unknown'}): no comment posted`,
    };
  const base = env.GITHUB_REPOSITORY ?? pull.base?.repo?.full_name ?? '';
  if (pull.head?.repo?.full_name && pull.head.repo.full_name !== base)
    return {
      skipped: `pull request #${pull.number} comes from the fork ${pull.head.repo.full_name}, whose workflow token cannot write to ${base}: no comment posted; the report is in this summary`,
    };
  if (!token) return { skipped: 'input github-token is empty: no comment posted' };
  return {
    target: {
      apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
      repository: base,
      number: pull.number,
      token,
    },
  };
}

/**
 * Posts the report as one comment on the pull request, or updates the comment an earlier run
 * posted (found by its marker). A refusal (403: no `pull-requests: write`; 404) is a warning.
 */
export async function upsertPullRequestComment(
  target: PullRequestTarget,
  markdown: string,
): Promise<CommentOutcome> {
  const body = `${COMMENT_MARKER}\n${markdown}`;
  const issue = `${target.apiUrl}/repos/${target.repository}/issues`;
  try {
    const existing = await findMarkedComment(target, issue);
    const response = existing
      ? await call(target, 'PATCH', `${issue}/comments/${existing}`, { body })
      : await call(target, 'POST', `${issue}/${target.number}/comments`, { body });
    const comment = (await response.json()) as { html_url?: string };
    return { kind: existing ? 'updated' : 'created', url: comment.html_url ?? '' };
  } catch (error) {
    return {
      kind: 'warning',
      message: `the pull request comment was not posted: ${(error as Error).message}`,
    };
  }
}

async function findMarkedComment(target: PullRequestTarget, issue: string): Promise<number | undefined> {
  for (let page = 1; page <= 10; page++) {
    const response = await call(
      target,
      'GET',
      `${issue}/${target.number}/comments?per_page=100&page=${page}`,
    );
    const comments = (await response.json()) as { id: number; body?: string }[];
    const marked = comments.find((comment) => comment.body?.startsWith(COMMENT_MARKER));
    if (marked) return marked.id;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

async function call(
  target: PullRequestTarget,
  method: string,
  url: string,
  body?: unknown,
): Promise<Response> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${target.token}`,
      'x-github-api-version': '2022-11-28',
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return response;
  const hint =
    response.status === 403
      ? ' (give the job `permissions: pull-requests: write`)'
      : response.status === 404
        ? ' (the repository or pull request was not found with this token)'
        : '';
  throw new Error(`${method} ${new URL(url).pathname} answered ${response.status}${hint}`);
}

interface PullRequestEvent {
  pull_request?: {
    number?: number;
    head?: { repo?: { full_name?: string } };
    base?: { repo?: { full_name?: string } };
  };
}

function readEvent(file: string | undefined): PullRequestEvent | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PullRequestEvent;
  } catch {
    return undefined;
  }
}
