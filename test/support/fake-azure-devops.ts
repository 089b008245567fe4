import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeThread {
  id: number;
  status: string;
  isDeleted?: boolean;
  comments: { id: number; parentCommentId: number; content: string; isDeleted?: boolean }[];
}

export interface FakeAzureDevOps {
  /** http://127.0.0.1:<port>/contoso/, as SYSTEM_COLLECTIONURI spells it. */
  collectionUri: string;
  threads: FakeThread[];
  /** `METHOD path` of every call, in order. */
  calls: string[];
  /** Answers every call with this status (403, 404) when set. */
  refuse?: number;
  close(): Promise<void>;
}

export const FAKE_PROJECT = 'Shop Project';
export const FAKE_REPOSITORY_ID = '3f1c2a9e-repo';
export const FAKE_PULL_REQUEST = 42;
export const FAKE_TOKEN = 'azdo-good-token';

/**
 * The part of the Azure DevOps Git REST API (api-version 7.1) the pull request thread uses, on
 * 127.0.0.1: list and create the threads of pull request 42 of one repository of the project
 * "Shop Project" of the collection contoso, and update a thread's comment, for FAKE_TOKEN.
 */
export async function startFakeAzureDevOps(threads: FakeThread[] = []): Promise<FakeAzureDevOps> {
  const fake = { threads, calls: [] as string[], refuse: undefined as number | undefined };
  const base = `/contoso/${encodeURIComponent(FAKE_PROJECT)}/_apis/git/repositories/${FAKE_REPOSITORY_ID}/pullRequests/${FAKE_PULL_REQUEST}/threads`;
  const server: Server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      fake.calls.push(`${request.method} ${url.pathname}`);
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (fake.refuse) return reply(fake.refuse, { message: 'TF401027: You need the Git permission' });
      if (request.headers.authorization !== `Bearer ${FAKE_TOKEN}`)
        return reply(401, { message: 'Unauthorized' });
      if (url.searchParams.get('api-version') !== '7.1')
        return reply(400, { message: 'The api-version query parameter is required' });
      if (url.pathname === base && request.method === 'GET')
        return reply(200, { value: fake.threads, count: fake.threads.length });
      if (url.pathname === base && request.method === 'POST') {
        const posted = JSON.parse(text) as { comments: { content: string }[]; status: string };
        const thread: FakeThread = {
          id: 100 + fake.threads.length,
          status: posted.status,
          comments: posted.comments.map((c, i) => ({ id: i + 1, parentCommentId: 0, content: c.content })),
        };
        fake.threads.push(thread);
        return reply(200, thread);
      }
      const patch = new RegExp(`^${escapeRegExp(base)}/(\\d+)/comments/(\\d+)$`).exec(url.pathname);
      const thread = fake.threads.find((t) => t.id === Number(patch?.[1]));
      const comment = thread?.comments.find((c) => c.id === Number(patch?.[2]));
      if (request.method === 'PATCH' && comment) {
        comment.content = (JSON.parse(text) as { content: string }).content;
        return reply(200, comment);
      }
      return reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    collectionUri: `http://127.0.0.1:${port}/contoso/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The agent's variables of a pull request build against the fake server. */
export function pullRequestBuildEnv(collectionUri: string): Record<string, string> {
  return {
    BUILD_REASON: 'PullRequest',
    SYSTEM_PULLREQUEST_PULLREQUESTID: String(FAKE_PULL_REQUEST),
    SYSTEM_PULLREQUEST_ISFORK: 'False',
    BUILD_REPOSITORY_PROVIDER: 'TfsGit',
    SYSTEM_COLLECTIONURI: collectionUri,
    SYSTEM_TEAMPROJECT: FAKE_PROJECT,
    BUILD_REPOSITORY_ID: FAKE_REPOSITORY_ID,
    BUILD_REPOSITORY_NAME: 'shop',
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
