import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../../src/adapters/pull-request-comment.js';
import {
  pullRequestOfRun,
  upsertPullRequestComment,
  type PullRequestTarget,
} from '../../../src/github/pull-request-comment.js';

interface Comment {
  id: number;
  body: string;
  html_url: string;
}

/**
 * The part of GitHub's REST API the comment uses, on 127.0.0.1: list, create and update the
 * comments of issue 7 of octo/shop, for the token `good`; `refuse` answers every call with it.
 */
function fakeGithub(state: { comments: Comment[]; refuse?: number; calls: string[] }): Server {
  return createServer((request, response) => {
    void readBody(request).then((text) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      state.calls.push(`${request.method} ${url.pathname}`);
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (state.refuse) return reply(state.refuse, { message: 'Resource not accessible by integration' });
      if (request.headers.authorization !== 'Bearer good') return reply(401, { message: 'Bad credentials' });
      if (request.method === 'GET' && url.pathname === '/repos/octo/shop/issues/7/comments') {
        const page = Number(url.searchParams.get('page') ?? 1);
        const size = Number(url.searchParams.get('per_page') ?? 30);
        return reply(200, state.comments.slice((page - 1) * size, page * size));
      }
      if (request.method === 'POST' && url.pathname === '/repos/octo/shop/issues/7/comments') {
        const id = 1000 + state.comments.length;
        const comment = {
          id,
          body: (JSON.parse(text) as { body: string }).body,
          html_url: `https://github.test/c/${id}`,
        };
        state.comments.push(comment);
        return reply(201, comment);
      }
      const patch = /^\/repos\/octo\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const comment = state.comments.find((c) => c.id === Number(patch?.[1]));
      if (request.method === 'PATCH' && comment) {
        comment.body = (JSON.parse(text) as { body: string }).body;
        return reply(200, comment);
      }
      return reply(404, { message: 'Not Found' });
    });
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

let server: Server;
let state: { comments: Comment[]; refuse?: number; calls: string[] };
let target: PullRequestTarget;

beforeEach(async () => {
  state = {
    comments: Array.from({ length: 120 }, (_, i) => ({ id: i + 1, body: `review ${i}`, html_url: '' })),
    calls: [],
  };
  server = fakeGithub(state);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  target = { apiUrl: `http://127.0.0.1:${port}`, repository: 'octo/shop', number: 7, token: 'good' };
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the pull request comment', () => {
  it('is posted once, then updated in place by later runs, found by its marker past the first page', async () => {
    expect(await upsertPullRequestComment(target, 'first report')).toEqual({
      kind: 'created',
      url: 'https://github.test/c/1120',
    });
    expect(await upsertPullRequestComment(target, 'second report')).toEqual({
      kind: 'updated',
      url: 'https://github.test/c/1120',
    });
    const ours = state.comments.filter((c) => c.body.startsWith(COMMENT_MARKER));
    expect(ours).toEqual([expect.objectContaining({ id: 1120, body: `${COMMENT_MARKER}\nsecond report` })]);
    expect(state.calls.at(-1)).toBe('PATCH /repos/octo/shop/issues/comments/1120');
  });

  it.each([
    [403, /answered 403 \(give the job `permissions: pull-requests: write`\)/],
    [404, /answered 404 \(the repository or pull request was not found with this token\)/],
  ])('is a warning, never an error, when GitHub answers %i', async (status, message) => {
    state.refuse = status;
    const outcome = await upsertPullRequestComment(target, 'report');
    expect(outcome).toEqual({ kind: 'warning', message: expect.stringMatching(message) });
  });
});

describe('the pull request of a run', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-event-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function event(payload: unknown): Promise<NodeJS.ProcessEnv> {
    const file = path.join(dir, 'event.json');
    await writeFile(file, JSON.stringify(payload));
    return {
      GITHUB_EVENT_PATH: file,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'octo/shop',
      GITHUB_API_URL: 'http://127.0.0.1:1',
    };
  }

  it('is read from the event, in the repository of the run', async () => {
    const env = await event({ pull_request: { number: 7, head: { repo: { full_name: 'octo/shop' } } } });
    expect(pullRequestOfRun(env, 'good')).toEqual({
      target: { apiUrl: 'http://127.0.0.1:1', repository: 'octo/shop', number: 7, token: 'good' },
    });
  });

  it('is skipped, saying why, for a pull request from a fork', async () => {
    const env = await event({ pull_request: { number: 7, head: { repo: { full_name: 'someone/shop' } } } });
    expect(pullRequestOfRun(env, 'good')).toEqual({
      skipped: expect.stringMatching(
        /^pull request #7 comes from the fork someone\/shop, whose workflow token cannot write to octo\/shop/,
      ),
    });
  });

  it('is skipped for a push', async () => {
    const env = { ...(await event({ ref: 'refs/heads/main' })), GITHUB_EVENT_NAME: 'push' };
    expect(pullRequestOfRun(env, 'good')).toEqual({
      skipped: 'not a pull request run (event push): no comment posted',
    });
  });
});
