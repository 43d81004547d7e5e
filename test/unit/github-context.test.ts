import {
  checkRunHeadSha,
  pullRequestNumber,
  readWorkflowContext,
  splitRepository,
} from '../../src/github-context.js';

const HEAD = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);
const context = (eventName: string) =>
  readWorkflowContext({ GITHUB_EVENT_NAME: eventName, GITHUB_SHA: MERGE, GITHUB_REPOSITORY: 'acme/app' });

describe('the commit a check run belongs to', () => {
  it.each(['pull_request', 'pull_request_target'])('is the PR head on %s, not the merge commit', (event) => {
    expect(checkRunHeadSha(context(event), { pull_request: { head: { sha: HEAD } } })).toBe(HEAD);
  });

  it('is the merge group head on merge_group', () => {
    expect(checkRunHeadSha(context('merge_group'), { merge_group: { head_sha: HEAD } })).toBe(HEAD);
  });

  it('is GITHUB_SHA on push', () => {
    expect(checkRunHeadSha(context('push'), {})).toBe(MERGE);
  });

  it('is the explicit sha when given, and required on workflow_run', () => {
    expect(checkRunHeadSha(context('workflow_run'), {}, HEAD)).toBe(HEAD);
    expect(() => checkRunHeadSha(context('workflow_run'), {})).toThrow(/set the "sha" input/);
  });

  it('rejects something that is not a commit SHA', () => {
    expect(() => checkRunHeadSha(context('push'), {}, 'main')).toThrow(/does not hold a commit SHA/);
  });

  it('defaults the API URL to github.com and keeps a GHES one', () => {
    expect(context('push').apiUrl).toBe('https://api.github.com');
    expect(readWorkflowContext({ GITHUB_API_URL: 'https://ghe.test/api/v3' }).apiUrl).toBe(
      'https://ghe.test/api/v3',
    );
  });

  it('splits OWNER/NAME and rejects anything else', () => {
    expect(splitRepository('acme/app')).toEqual({ owner: 'acme', repo: 'app' });
    expect(() => splitRepository('acme/app/x')).toThrow(/OWNER\/NAME/);
  });
});

describe('the pull request a sticky comment goes on', () => {
  it('is the PR on pull_request events and the triggering PR on workflow_run', () => {
    expect(pullRequestNumber(context('pull_request'), { pull_request: { number: 42 } })).toBe(42);
    expect(pullRequestNumber(context('pull_request_target'), { pull_request: { number: 42 } })).toBe(42);
    expect(
      pullRequestNumber(context('workflow_run'), { workflow_run: { pull_requests: [{ number: 7 }] } }),
    ).toBe(7);
  });

  it('is none on a push, on a fork workflow_run (GitHub lists no PR), or in a malformed payload', () => {
    expect(pullRequestNumber(context('push'), { pull_request: { number: 42 } })).toBeUndefined();
    expect(
      pullRequestNumber(context('workflow_run'), { workflow_run: { pull_requests: [] } }),
    ).toBeUndefined();
    expect(pullRequestNumber(context('pull_request'), { pull_request: { number: '42' } })).toBeUndefined();
  });
});
