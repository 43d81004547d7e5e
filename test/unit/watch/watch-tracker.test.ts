/**
 * Issue writes are spaced: GitHub's secondary limits punish bursts of content creation, so the
 * watch tracker sends one write at a time, a second after the one before, however many images
 * fail at once. Reads are not held back. A virtual clock makes the spacing exact, not timed.
 */
import { createWatchTracker, type GitHubRequester } from '../../../src/adapters/github/watch.js';

function fakeGitHub() {
  const sent: Array<{ route: string; at: number }> = [];
  let now = 0;
  const sleeps: number[] = [];
  const octokit = {
    request: async (route: string) => {
      sent.push({ route, at: now });
      if (route.startsWith('GET')) return { status: 200, data: [], headers: {} };
      return {
        status: 201,
        data: {
          number: sent.length,
          state: 'open',
          title: 't',
          body: 'b',
          user: { type: 'Bot' },
          labels: [],
        },
        headers: {},
      };
    },
  } as unknown as GitHubRequester;
  const tracker = createWatchTracker(octokit, (_call, send) => send(), {
    owner: 'acme',
    repo: 'app',
    clock: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
  return { tracker, sent, sleeps, advance: (ms: number) => (now += ms) };
}

describe('issue writes', () => {
  it('go one at a time, a second apart, when many are asked for at once', async () => {
    const { tracker, sent, sleeps } = fakeGitHub();
    await Promise.all([
      tracker.createIssue({ title: 'a', body: 'a', labels: [] }),
      tracker.addComment(1, 'b'),
      tracker.updateIssue(1, { state: 'closed' }),
    ]);
    expect(sent.map((request) => request.at)).toEqual([0, 1000, 2000]);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('do not wait when the last write is a second past, and reads never wait', async () => {
    const { tracker, sent, sleeps, advance } = fakeGitHub();
    await tracker.addComment(1, 'a');
    advance(1500);
    await Promise.all([tracker.listLabeledIssues('x'), tracker.addComment(1, 'b')]);
    expect(sleeps).toEqual([]);
    expect(sent).toHaveLength(3);
  });

  it('keep going after a write that failed', async () => {
    const { tracker, sent } = fakeGitHub();
    const failing = createWatchTracker(
      { request: async () => Promise.reject(new Error('refused')) } as unknown as GitHubRequester,
      (_call, send) => send(),
      { owner: 'acme', repo: 'app', writeGapMs: 0 },
    );
    await expect(failing.addComment(1, 'x')).rejects.toThrow('refused');
    await expect(failing.addComment(1, 'y')).rejects.toThrow('refused');
    await tracker.addComment(1, 'z');
    expect(sent).toHaveLength(1);
  });
});
