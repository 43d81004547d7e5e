/**
 * Many values scanned at once (an image config's Env, labels and history) find exactly what each
 * value scanned alone finds: a batch is one library call, never a secret that spans two values.
 */
import { loadSecretDetector, type SecretDetector } from '../../../src/evidence/secrets/secrets.js';
import { fakeCredentials, lookAlikes } from '../../support/images/fake-credentials.js';

let detector: SecretDetector;
beforeAll(async () => {
  detector = await loadSecretDetector();
});

describe('scanning many values at once', () => {
  it('finds in each value what scanning it alone finds, in order', async () => {
    const values = Object.entries(fakeCredentials()).flatMap(([format, { secret }], index) => [
      { text: `value-${index}`, key: `PLAIN_${index}` },
      { text: secret, key: `${format.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_VALUE` },
      { text: `/bin/sh -c #(nop) ENV X_${index}=${secret}` },
    ]);
    for (const entry of lookAlikes().env) {
      const at = entry.indexOf('=');
      values.push({ text: entry.slice(at + 1), key: entry.slice(0, at) });
    }
    const together = await detector.scanEach(values);
    const alone = await Promise.all(values.map(({ text, key }) => detector.scan(text, key)));
    expect(together).toEqual(alone);
    expect(together.flat().length).toBeGreaterThan(20);
  });

  it('never joins the end of one value and the start of the next into a secret', async () => {
    const [first, second] = ['-----BEGIN', 'PRIVATE KEY-----'];
    const found = await detector.scanEach([{ text: `${first}` }, { text: `${second}` }]);
    expect(found).toEqual([[], []]);
  });

  it('reads 200,000 variables in a few library calls', async () => {
    let calls = 0;
    const { createSecretDetector } = await import('../../../src/evidence/secrets/secrets.js');
    const counting = createSecretDetector(async () => {
      calls++;
      return [];
    });
    const values = Array.from({ length: 200_000 }, (_, i) => ({ text: `value-${i}`, key: `VAR_${i}` }));
    const found = await counting.scanEach(values);
    expect(found).toHaveLength(200_000);
    expect(calls).toBeLessThan(10);
  });
});
