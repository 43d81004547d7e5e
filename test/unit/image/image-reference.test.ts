import { ConfigurationError } from '../../../src/errors.js';
import { formatImageName, isLoopbackHost, parseImageReference } from '../../../src/model/image-reference.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseImageReference', () => {
  it.each([
    ['ghcr.io/acme/app', { kind: 'registry', registry: 'ghcr.io', repository: 'acme/app' }],
    [
      'ghcr.io/acme/app:pr-42',
      { kind: 'registry', registry: 'ghcr.io', repository: 'acme/app', tag: 'pr-42' },
    ],
    [
      `ghcr.io/acme/app@${DIGEST}`,
      { kind: 'registry', registry: 'ghcr.io', repository: 'acme/app', digest: DIGEST },
    ],
    [
      `ghcr.io/acme/app:1.0@${DIGEST}`,
      { kind: 'registry', registry: 'ghcr.io', repository: 'acme/app', tag: '1.0', digest: DIGEST },
    ],
    ['localhost:5000/x', { kind: 'registry', registry: 'localhost:5000', repository: 'x' }],
    ['localhost/x', { kind: 'registry', registry: 'localhost', repository: 'x' }],
    [
      '127.0.0.1:5123/a/b:tag',
      { kind: 'registry', registry: '127.0.0.1:5123', repository: 'a/b', tag: 'tag' },
    ],
    ['[::1]:5000/a:v1', { kind: 'registry', registry: '[::1]:5000', repository: 'a', tag: 'v1' }],
    [
      'registry.example.com/deep/path/with__under.and-dash:V_1.2-rc',
      {
        kind: 'registry',
        registry: 'registry.example.com',
        repository: 'deep/path/with__under.and-dash',
        tag: 'V_1.2-rc',
      },
    ],
  ])('parses %s', (input, expected) => {
    expect(parseImageReference(input)).toStrictEqual(expected);
  });

  it.each([
    ['alpine', 'library/alpine', undefined],
    ['alpine:3.19', 'library/alpine', '3.19'],
    ['bitnami/redis:7', 'bitnami/redis', '7'],
    ['docker.io/alpine', 'library/alpine', undefined],
    ['index.docker.io/library/alpine:edge', 'library/alpine', 'edge'],
  ])('normalizes the Docker Hub short form %s', (input, repository, tag) => {
    expect(parseImageReference(input)).toStrictEqual({
      kind: 'registry',
      registry: 'docker.io',
      repository,
      ...(tag === undefined ? {} : { tag }),
    });
  });

  it.each([
    ['oci:/tmp/layout', { kind: 'oci-layout', path: '/tmp/layout' }],
    ['oci:./build/out:v1', { kind: 'oci-layout', path: './build/out', tag: 'v1' }],
    ['oci:layout', { kind: 'oci-layout', path: 'layout' }],
    [
      `oci:/tmp/a:b/layout:v1@${DIGEST}`,
      { kind: 'oci-layout', path: '/tmp/a:b/layout', tag: 'v1', digest: DIGEST },
    ],
    [
      `oci:/home/me@corp/layout@${DIGEST}`,
      { kind: 'oci-layout', path: '/home/me@corp/layout', digest: DIGEST },
    ],
  ])('parses the OCI layout reference %s', (input, expected) => {
    expect(parseImageReference(input)).toStrictEqual(expected);
  });

  it.each([
    ['', 'it is empty'],
    ['Acme/App', 'repository names must be lowercase'],
    ['ghcr.io/Acme/app', 'repository names must be lowercase'],
    ['ghcr.io/acme//app', 'empty path component'],
    ['ghcr.io/acme/app-', 'must be lowercase letters and digits'],
    ['ghcr.io/acme/app:.bad', 'the tag ".bad" must be'],
    [`ghcr.io/acme/app:${'t'.repeat(129)}`, 'must be 1-128'],
    ['ghcr.io/acme/app@sha256:abc', 'followed by 64 lowercase hex'],
    [`ghcr.io/acme/app@${DIGEST.toUpperCase()}`, 'followed by 64 lowercase hex'],
    [`ghcr.io/acme/app@sha512:${'a'.repeat(128)}`, 'only sha256 digests are supported'],
    ['https://ghcr.io/acme/app', 'drop the URL scheme'],
    ['ghcr.io/acme/app latest', 'whitespace'],
    ['bad_host.io/app', 'not a valid host name'],
    ['localhost:99999/app', 'port'],
    ['oci:', 'path is empty'],
    ['oci::v1', 'path is empty'],
    [`ghcr.io/${'a'.repeat(300)}`, 'longer than 255'],
  ])('rejects %j', (input, reason) => {
    let error: unknown;
    try {
      parseImageReference(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const { code, message } = error as ConfigurationError;
    expect(code).toBe('invalid-image-reference');
    expect(message).toContain(reason);
    expect(message).toContain(JSON.stringify(input.slice(0, 200)).slice(0, -1));
    expect(message).toContain('expected registry/name[:tag][@sha256:<64 hex>]');
    expect(message).not.toContain('\n');
  });

  it('truncates a very long input in the message', () => {
    const input = `ghcr.io/acme/App${'x'.repeat(1000)}`;
    expect(() => parseImageReference(input)).toThrow(JSON.stringify(`${input.slice(0, 200)}…`));
  });
});

describe('formatImageName', () => {
  it.each([
    ['127.0.0.1:5000/acme/app:v1', '127.0.0.1:5000/acme/app'],
    [`alpine@${DIGEST}`, 'docker.io/library/alpine'],
    ['oci:/tmp/layout:v1', 'oci:/tmp/layout'],
  ])('names %s without tag or digest', (input, name) => {
    expect(formatImageName(parseImageReference(input))).toBe(name);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    '127.0.0.1',
    '127.0.0.1:5000',
    '127.255.0.9:80',
    'localhost',
    'LOCALHOST:5000',
    '[::1]',
    '[::1]:5000',
    '::1',
  ])('treats %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    'ghcr.io',
    '128.0.0.1',
    '127.0.0.256',
    '10.0.0.1:5000',
    'localhost.evil.com',
    '[::2]:5000',
    'localhost:x',
    '127.0.0.1.nip.io',
  ])('does not treat %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
