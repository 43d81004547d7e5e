import { formatImageName, parseImageReference } from '../../../src/model/image-reference.js';
import { ConfigurationError, GateError, VerificationError } from '../../../src/errors.js';
import { chooseLocalSubject } from '../../../src/evidence/local-image.js';

const hex = (character: string) => character.repeat(64);
const IMAGE_ID = `sha256:${hex('1')}`;
const SAVED = `sha256:${hex('2')}`;
const PUSHED = `sha256:${hex('3')}`;
const OTHER = `sha256:${hex('4')}`;

describe('docker: and oci-archive: references', () => {
  it.each([
    [
      'docker:localhost/app:pr',
      { kind: 'docker', engineReference: 'localhost/app:pr', name: 'localhost/app', tag: 'pr' },
    ],
    ['docker:app', { kind: 'docker', engineReference: 'app', name: 'docker.io/library/app' }],
    [
      'docker:ghcr.io/acme/app:1.0',
      { kind: 'docker', engineReference: 'ghcr.io/acme/app:1.0', name: 'ghcr.io/acme/app', tag: '1.0' },
    ],
    [`docker:${IMAGE_ID}`, { kind: 'docker', engineReference: IMAGE_ID, imageId: IMAGE_ID }],
    ['oci-archive:build/image.tar:v1', { kind: 'oci-archive', path: 'build/image.tar', tag: 'v1' }],
    [`oci-archive:/tmp/a.tar@${SAVED}`, { kind: 'oci-archive', path: '/tmp/a.tar', digest: SAVED }],
  ])('parses %s', (input, expected) => {
    expect(parseImageReference(input)).toStrictEqual(expected);
  });

  it.each([
    ['docker:localhost/app:pr', 'localhost/app'],
    [`docker:${IMAGE_ID}`, `docker:${IMAGE_ID}`],
    ['oci-archive:/tmp/a.tar:v1', 'oci-archive:/tmp/a.tar'],
  ])('names %s %s', (input, name) => {
    expect(formatImageName(parseImageReference(input))).toBe(name);
  });

  it.each([
    ['docker:', 'the image name after "docker:" is empty'],
    ['docker:sha256:abc', 'an image ID must be "sha256:" followed by 64 lowercase hex'],
    [`docker:localhost/app@${SAVED}`, 'give the digest to bind to as the digest input'],
    ['docker://ghcr.io/acme/app', 'drop the URL scheme'],
    ['docker:Acme/App', 'repository names must be lowercase'],
    ['oci-archive:', 'the OCI archive path is empty'],
  ])('rejects %j', (input, reason) => {
    expect(() => parseImageReference(input)).toThrow(ConfigurationError);
    expect(() => parseImageReference(input)).toThrow(reason);
  });
});

describe('chooseLocalSubject', () => {
  const engine = { imageId: IMAGE_ID, savedDigest: SAVED, repoDigests: [] as string[] };
  const wanted = { reference: 'docker:ghcr.io/acme/app:pr', name: 'ghcr.io/acme/app' };

  it('is the saved manifest when the engine records no registry digest', () => {
    expect(chooseLocalSubject(engine, wanted)).toEqual({ subject: SAVED });
  });

  it('is the saved manifest when the engine lists only it (podman, containerd store)', () => {
    const listed = { ...engine, repoDigests: [`ghcr.io/acme/app@${SAVED}`, `localhost/app@${SAVED}`] };
    expect(chooseLocalSubject(listed, wanted)).toEqual({ subject: SAVED });
  });

  it('is the registry digest recorded for the named repository', () => {
    const pushed = {
      ...engine,
      repoDigests: [`ghcr.io/acme/app@${PUSHED}`, `ghcr.io/acme/app@${SAVED}`, `ghcr.io/acme/other@${OTHER}`],
    };
    expect(chooseLocalSubject(pushed, wanted)).toEqual({
      subject: PUSHED,
      registryDigest: { repository: 'ghcr.io/acme/app', digest: PUSHED },
    });
  });

  it("matches Docker Hub's short forms", () => {
    const hub = { ...engine, repoDigests: [`alpine@${PUSHED}`] };
    expect(
      chooseLocalSubject(hub, { reference: 'docker:alpine:3', name: 'docker.io/library/alpine' }),
    ).toEqual({
      subject: PUSHED,
      registryDigest: { repository: 'docker.io/library/alpine', digest: PUSHED },
    });
  });

  it('takes a registry digest of any repository for an image named by ID, and asks when there are two', () => {
    const byId = { reference: `docker:${IMAGE_ID}` };
    expect(
      chooseLocalSubject({ ...engine, repoDigests: [`ghcr.io/acme/other@${PUSHED}`] }, byId).subject,
    ).toBe(PUSHED);
    const two = { ...engine, repoDigests: [`ghcr.io/acme/app@${PUSHED}`, `quay.io/acme/app@${OTHER}`] };
    expect(() => chooseLocalSubject(two, byId)).toThrow('pass the one to gate as the digest input');
    expect(chooseLocalSubject(two, { ...byId, digestInput: OTHER })).toEqual({
      subject: OTHER,
      registryDigest: { repository: 'quay.io/acme/app', digest: OTHER },
    });
  });

  it('accepts the image ID or saved digest as the digest input, and refuses any other', () => {
    expect(chooseLocalSubject(engine, { ...wanted, digestInput: IMAGE_ID })).toEqual({ subject: SAVED });
    expect(chooseLocalSubject(engine, { ...wanted, digestInput: SAVED })).toEqual({ subject: SAVED });
    let error: unknown;
    try {
      chooseLocalSubject(engine, { ...wanted, digestInput: OTHER });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as GateError).code).toBe('digest-mismatch');
    expect((error as GateError).message).toContain(`image ID ${IMAGE_ID}, saved manifest ${SAVED}`);
    expect(() => chooseLocalSubject(engine, { ...wanted, digestInput: 'sha256:nope' })).toThrow(
      'is not sha256:<64 lowercase hex>',
    );
  });
});
