import { readFileSync } from 'node:fs';
import {
  callRestApi,
  isMarked,
  upsertMarkedComment,
  type CommentOutcome,
  type PullRequestComments,
} from '../adapters/pull-request-comment.js';

export interface PullRequestTarget {
  apiUrl: string;
  repository: string;
  number: number;
  token: string;
}

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
export function upsertPullRequestComment(
  target: PullRequestTarget,
  markdown: string,
): Promise<CommentOutcome> {
  return upsertMarkedComment(issueComments(target), markdown);
}

/** The issue comments of the pull request, through GitHub's REST API. */
function issueComments(target: PullRequestTarget): PullRequestComments<number> {
  const issue = `${target.apiUrl}/repos/${target.repository}/issues`;
  const call = async (method: string, url: string, body?: unknown) =>
    (await callRestApi(url, { method, headers: headers(target), body }, HINTS)).json();
  return {
    async findMarked() {
      for (let page = 1; page <= 10; page++) {
        const comments = (await call(
          'GET',
          `${issue}/${target.number}/comments?per_page=100&page=${page}`,
        )) as { id: number; body?: string }[];
        const marked = comments.find((comment) => isMarked(comment.body));
        if (marked) return marked.id;
        if (comments.length < 100) return undefined;
      }
      return undefined;
    },
    create: async (body) => commentUrl(await call('POST', `${issue}/${target.number}/comments`, { body })),
    update: async (id, body) => commentUrl(await call('PATCH', `${issue}/comments/${id}`, { body })),
  };
}

const HINTS = {
  403: 'give the job `permissions: pull-requests: write`',
  404: 'the repository or pull request was not found with this token',
};

function headers(target: PullRequestTarget): Record<string, string> {
  return {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${target.token}`,
    'x-github-api-version': '2022-11-28',
  };
}

function commentUrl(comment: unknown): { url: string } {
  return { url: (comment as { html_url?: string }).html_url ?? '' };
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
