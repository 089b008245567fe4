/**
 * What the GitHub comment and the Azure DevOps thread have in common: the marker that finds the
 * comment an earlier run posted, the find-update-or-create sequence, and how a refusal reads.
 * Each platform's REST calls live in its adapter (src/github, src/azure).
 */

/** The hidden line that marks dataclone's comment, so later runs update it instead of adding one. */
export const COMMENT_MARKER = '<!-- dataclone: migration checks -->';

/** What happened to the comment, for the job summary: posting never fails the job. */
export type CommentOutcome =
  { kind: 'created' | 'updated'; url: string } | { kind: 'skipped' | 'warning'; message: string };

/** The REST calls one platform makes for its pull request comment; each throws a RefusedCall. */
export interface PullRequestComments<Id> {
  /** The comment an earlier run posted (its body starts with the marker), if any. */
  findMarked(): Promise<Id | undefined>;
  create(body: string): Promise<{ url: string }>;
  update(id: Id, body: string): Promise<{ url: string }>;
}

/**
 * Posts the report as one comment on the pull request, or updates the comment an earlier run
 * posted (found by its marker). A refusal (403, 404, ...) is a warning, never an error.
 */
export async function upsertMarkedComment<Id>(
  comments: PullRequestComments<Id>,
  markdown: string,
): Promise<CommentOutcome> {
  const body = markedBody(markdown);
  try {
    const existing = await comments.findMarked();
    const { url } =
      existing === undefined ? await comments.create(body) : await comments.update(existing, body);
    return { kind: existing === undefined ? 'created' : 'updated', url };
  } catch (error) {
    return {
      kind: 'warning',
      message: `the pull request comment was not posted: ${(error as Error).message}`,
    };
  }
}

export function markedBody(markdown: string): string {
  return `${COMMENT_MARKER}\n${markdown}`;
}

export function isMarked(body: string | undefined): boolean {
  return body?.startsWith(COMMENT_MARKER) ?? false;
}

/** The line the job summary shows for an outcome. */
export function outcomeText(outcome: CommentOutcome): string {
  return 'url' in outcome ? `${outcome.kind} ${outcome.url}` : outcome.message;
}

/**
 * One JSON call to a platform's REST API with the job's token; a refusal throws an Error naming
 * the call and its status, with the platform's hint for that status (what permission to give).
 */
export async function callRestApi(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: unknown },
  hints: Partial<Record<number, string>>,
): Promise<Response> {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      ...init.headers,
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.ok) return response;
  const hint = hints[response.status];
  throw new Error(
    `${init.method} ${new URL(url).pathname} answered ${response.status}${hint ? ` (${hint})` : ''}`,
  );
}
