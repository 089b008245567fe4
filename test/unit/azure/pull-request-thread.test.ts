import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../../src/adapters/pull-request-comment.js';
import {
  pullRequestOfBuild,
  upsertPullRequestThread,
  type PullRequestTarget,
} from '../../../src/azure/pull-request-thread.js';
import {
  FAKE_PROJECT,
  FAKE_PULL_REQUEST,
  FAKE_REPOSITORY_ID,
  FAKE_TOKEN,
  pullRequestBuildEnv,
  startFakeAzureDevOps,
  type FakeAzureDevOps,
} from '../../support/fake-azure-devops.js';

let azure: FakeAzureDevOps;
let target: PullRequestTarget;

beforeEach(async () => {
  azure = await startFakeAzureDevOps([
    // A reviewer's thread that quotes the marker in a reply, and a deleted thread of an old run.
    {
      id: 7,
      status: 'active',
      comments: [
        { id: 1, parentCommentId: 0, content: 'please check the index' },
        { id: 2, parentCommentId: 1, content: `${COMMENT_MARKER}\nquoted` },
      ],
    },
    {
      id: 8,
      status: 'closed',
      isDeleted: true,
      comments: [{ id: 1, parentCommentId: 0, content: `${COMMENT_MARKER}\nold`, isDeleted: true }],
    },
  ]);
  const pull = pullRequestOfBuild(pullRequestBuildEnv(azure.collectionUri), FAKE_TOKEN);
  if (!('target' in pull)) throw new Error(pull.skipped);
  target = pull.target;
});

afterEach(() => azure.close());

const threadsPath = `/contoso/Shop%20Project/_apis/git/repositories/${FAKE_REPOSITORY_ID}/pullRequests/${FAKE_PULL_REQUEST}/threads`;

describe('the pull request thread (Azure DevOps)', () => {
  it('is posted once as a closed thread, then its first comment is updated in place by later runs', async () => {
    const url = `${azure.collectionUri}Shop%20Project/_git/shop/pullrequest/${FAKE_PULL_REQUEST}?discussionId=102`;
    expect(await upsertPullRequestThread(target, 'first report')).toEqual({ kind: 'created', url });
    expect(await upsertPullRequestThread(target, 'second report')).toEqual({ kind: 'updated', url });
    const ours = azure.threads.filter(
      (t) => !t.isDeleted && t.comments[0]?.content.startsWith(COMMENT_MARKER),
    );
    expect(ours).toEqual([
      {
        id: 102,
        status: 'closed',
        comments: [{ id: 1, parentCommentId: 0, content: `${COMMENT_MARKER}\nsecond report` }],
      },
    ]);
    expect(azure.calls).toEqual([
      `GET ${threadsPath}`,
      `POST ${threadsPath}`,
      `GET ${threadsPath}`,
      `PATCH ${threadsPath}/102/comments/1`,
    ]);
  });

  it.each([
    [
      403,
      /answered 403 \(give the project's build service 'Contribute to pull requests' on the repository\)/,
    ],
    [404, /answered 404 \(the project, repository or pull request was not found with this token\)/],
  ])('is a warning, never an error, when Azure DevOps answers %i', async (status, message) => {
    azure.refuse = status;
    expect(await upsertPullRequestThread(target, 'report')).toEqual({
      kind: 'warning',
      message: expect.stringMatching(message),
    });
  });

  it('is a warning naming how to map the token when the token is refused', async () => {
    const outcome = await upsertPullRequestThread({ ...target, token: 'wrong' }, 'report');
    expect(outcome).toEqual({
      kind: 'warning',
      message: expect.stringContaining('env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)'),
    });
  });
});

describe('the pull request of a build', () => {
  const env = () => pullRequestBuildEnv('http://127.0.0.1:1/contoso');

  it('is read from the agent variables, the collection URI given its trailing slash', () => {
    expect(pullRequestOfBuild(env(), FAKE_TOKEN)).toEqual({
      target: {
        collectionUri: 'http://127.0.0.1:1/contoso/',
        project: FAKE_PROJECT,
        repositoryId: FAKE_REPOSITORY_ID,
        repositoryName: 'shop',
        pullRequestId: FAKE_PULL_REQUEST,
        token: FAKE_TOKEN,
      },
    });
  });

  it('is skipped, saying why, for a pull request from a fork', () => {
    expect(pullRequestOfBuild({ ...env(), SYSTEM_PULLREQUEST_ISFORK: 'True' }, FAKE_TOKEN)).toEqual({
      skipped: expect.stringMatching(
        /^pull request 42 comes from a fork, .*no thread posted; the report is in this summary$/,
      ),
    });
  });

  it.each([
    [{ BUILD_REASON: 'IndividualCI' }, 'not a pull request build (reason IndividualCI): no thread posted'],
    [
      { BUILD_REPOSITORY_PROVIDER: 'GitHub' },
      expect.stringMatching(/^the repository is on GitHub, not Azure Repos/),
    ],
  ])('is skipped for %j', (change, skipped) => {
    expect(pullRequestOfBuild({ ...env(), ...change }, FAKE_TOKEN)).toEqual({ skipped });
  });

  it('is skipped, naming the env mapping, without a token', () => {
    expect(pullRequestOfBuild(env(), '')).toEqual({
      skipped: expect.stringContaining('SYSTEM_ACCESSTOKEN: $(System.AccessToken)'),
    });
  });
});
