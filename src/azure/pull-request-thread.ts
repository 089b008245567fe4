import {
  callRestApi,
  isMarked,
  upsertMarkedComment,
  type CommentOutcome,
  type PullRequestComments,
} from '../adapters/pull-request-comment.js';

export interface PullRequestTarget {
  /** SYSTEM_COLLECTIONURI with its trailing slash: https://dev.azure.com/contoso/ */
  collectionUri: string;
  project: string;
  repositoryId: string;
  /** For the thread's web address; the ID where the build does not name it. */
  repositoryName: string;
  pullRequestId: number;
  token: string;
}

const API_VERSION = '7.1';

/**
 * The pull request this build is for, from the agent's variables, or why there is none to post
 * on: not a pull request build, a pull request from a fork (its build gets no token that can
 * write), a repository outside Azure Repos, or no access token.
 */
export function pullRequestOfBuild(
  env: NodeJS.ProcessEnv,
  token: string,
): { target: PullRequestTarget } | { skipped: string } {
  const id = env.SYSTEM_PULLREQUEST_PULLREQUESTID ?? '';
  if (env.BUILD_REASON !== 'PullRequest' || !/^\d+$/.test(id))
    return {
      skipped: `not a pull request build (reason ${env.BUILD_REASON ?? 'unknown'}): no thread posted`,
    };
  if (env.SYSTEM_PULLREQUEST_ISFORK?.toLowerCase() === 'true')
    return {
      skipped: `pull request ${id} comes from a fork, whose build gets no token that can write to the pull request: no thread posted; the report is in this summary`,
    };
  const provider = env.BUILD_REPOSITORY_PROVIDER;
  if (provider && provider !== 'TfsGit')
    return {
      skipped: `the repository is on ${provider}, not Azure Repos: pull request threads are for Azure Repos, no thread posted`,
    };
  const collectionUri = env.SYSTEM_COLLECTIONURI ?? '';
  const project = env.SYSTEM_TEAMPROJECT ?? '';
  const repositoryId = env.BUILD_REPOSITORY_ID ?? '';
  if (!collectionUri || !project || !repositoryId)
    return {
      skipped:
        'SYSTEM_COLLECTIONURI, SYSTEM_TEAMPROJECT or BUILD_REPOSITORY_ID is not set (not run by an agent?): no thread posted',
    };
  if (!token)
    return {
      skipped:
        'no access token: give the task env: SYSTEM_ACCESSTOKEN: $(System.AccessToken) to post the thread; no thread posted',
    };
  return {
    target: {
      collectionUri: collectionUri.endsWith('/') ? collectionUri : `${collectionUri}/`,
      project,
      repositoryId,
      repositoryName: env.BUILD_REPOSITORY_NAME || repositoryId,
      pullRequestId: Number(id),
      token,
    },
  };
}

/**
 * Posts the report as one thread on the pull request, or updates the first comment of the thread
 * an earlier run posted (found by its marker). A refusal (403: the build service may not
 * contribute to pull requests; 404) is a warning.
 */
export function upsertPullRequestThread(
  target: PullRequestTarget,
  markdown: string,
): Promise<CommentOutcome> {
  return upsertMarkedComment(pullRequestThreads(target), markdown);
}

interface Thread {
  id: number;
  isDeleted?: boolean;
  comments?: { id: number; content?: string; isDeleted?: boolean }[];
}

/** The threads of the pull request, through the Azure DevOps Git REST API. */
function pullRequestThreads(
  target: PullRequestTarget,
): PullRequestComments<{ thread: number; comment: number }> {
  const threads = `${target.collectionUri}${encodeURIComponent(target.project)}/_apis/git/repositories/${encodeURIComponent(target.repositoryId)}/pullRequests/${target.pullRequestId}/threads`;
  const call = async (method: string, url: string, body?: unknown) =>
    (
      await callRestApi(
        `${url}?api-version=${API_VERSION}`,
        {
          method,
          headers: { accept: 'application/json', authorization: `Bearer ${target.token}` },
          body,
        },
        HINTS,
      )
    ).json();
  return {
    async findMarked() {
      const { value } = (await call('GET', threads)) as { value?: Thread[] };
      for (const thread of value ?? []) {
        const first = thread.comments?.[0];
        if (!thread.isDeleted && first && !first.isDeleted && isMarked(first.content))
          return { thread: thread.id, comment: first.id };
      }
      return undefined;
    },
    async create(content) {
      const thread = (await call('POST', threads, {
        comments: [{ parentCommentId: 0, content, commentType: 'text' }],
        // Closed, not active: a report must not hold up a pull request whose policy wants every
        // active thread resolved. Updating its comment leaves the status as it is.
        status: 'closed',
      })) as Thread;
      return { url: threadUrl(target, thread.id) };
    },
    async update({ thread, comment }, content) {
      await call('PATCH', `${threads}/${thread}/comments/${comment}`, { content });
      return { url: threadUrl(target, thread) };
    },
  };
}

const HINTS = {
  401: 'the access token was refused: give the task env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)',
  403: "give the project's build service 'Contribute to pull requests' on the repository",
  404: 'the project, repository or pull request was not found with this token',
};

function threadUrl(target: PullRequestTarget, thread: number): string {
  return `${target.collectionUri}${encodeURIComponent(target.project)}/_git/${encodeURIComponent(target.repositoryName)}/pullrequest/${target.pullRequestId}?discussionId=${thread}`;
}
