/**
 * Attaches artifacts to images with @sigstore/oci's attachArtifactToImage, the call actions/attest
 * makes to push attestations. Run by Node itself (jest's module loader cannot load the library's
 * ESM-only dependencies): reads a JSON list of attachments on stdin and attaches them in order,
 * since each one rewrites its digest's referrers tag.
 */
import { Buffer } from 'node:buffer';
import oci from '@sigstore/oci';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const attachments = JSON.parse(Buffer.concat(chunks).toString('utf8'));
try {
  for (const attachment of attachments) {
    await oci.attachArtifactToImage({ ...attachment, artifact: Buffer.from(attachment.artifact, 'base64') });
  }
} catch (error) {
  process.stderr.write(`${error.message}: ${error.cause?.message ?? ''}\n`);
  process.exitCode = 1;
}
