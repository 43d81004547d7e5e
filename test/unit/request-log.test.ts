import { RequestLog } from '../../src/adapters/http/request-log.js';

/** A fetch whose answers the test releases by hand, on a clock the test moves. */
function harness() {
  let now = 0;
  const pending = new Map<string, () => void>();
  const inner = ((input: string | URL | Request) =>
    new Promise<Response>((resolve) => {
      pending.set(String(input), () => resolve(new Response('ok')));
    })) as typeof fetch;
  const log = new RequestLog(inner, () => now);
  return {
    log,
    send: (url: string) => log.fetch(url),
    answer: async (url: string, at: number) => {
      now = at;
      pending.get(url)?.();
      pending.delete(url);
      await new Promise((resolve) => setImmediate(resolve));
    },
    at: (time: number) => {
      now = time;
    },
  };
}

describe('RequestLog', () => {
  it('counts requests sent together as one round trip, and each wait for an answer as another', async () => {
    const { log, send, answer, at } = harness();
    const first = [send('https://r.test/a'), send('https://r.test/b'), send('https://api.test/c')];
    await answer('https://r.test/a', 10);
    at(11);
    const second = send('https://r.test/d'); // needed a's answer
    await answer('https://r.test/b', 12);
    await answer('https://api.test/c', 13);
    await answer('https://r.test/d', 20);
    at(21);
    const third = send('https://r.test/e');
    await answer('https://r.test/e', 30);
    await Promise.all([...first, second, third]);
    expect(log.statsSince()).toEqual({
      requests: 5,
      roundTrips: 3,
      byHost: { 'r.test': 4, 'api.test': 1 },
      elapsedMs: 30,
    });
  });

  it('leaves out what was sent before the mark', async () => {
    const { log, send, answer, at } = harness();
    const early = send('https://api.test/check-run');
    await answer('https://api.test/check-run', 5);
    const mark = log.mark();
    at(6);
    const late = send('https://r.test/manifest');
    await answer('https://r.test/manifest', 9);
    await Promise.all([early, late]);
    expect(log.statsSince(mark)).toEqual({
      requests: 1,
      roundTrips: 1,
      byHost: { 'r.test': 1 },
      elapsedMs: 3,
    });
  });

  it('reports nothing sent as zero', () => {
    expect(new RequestLog().statsSince()).toEqual({ requests: 0, roundTrips: 0, byHost: {}, elapsedMs: 0 });
  });
});
