/**
 * Warnings for a policy that is valid but risky: what `policy lint` prints after validation.
 * Pure: walks the parsed policy and points at the lines that need a second look.
 */
import { formatPosition, type FilePosition } from '../../errors.js';
import type { Policy } from '../schema.js';

export function lintPolicy(policy: Policy): string[] {
  const warnings: Array<{ path: string; text: string }> = [];
  const warn = (path: string, text: string) => warnings.push({ path, text });

  if (policy.mode === 'audit') warn('mode', 'mode: audit reports failures but never blocks a merge');
  walk(policy as unknown as Record<string, unknown>, [], (path, key, value, parent) => {
    const dotted = path.join('.');
    if (
      key.endsWith('regexp') &&
      typeof value === 'string' &&
      !(value.startsWith('^') && value.endsWith('$'))
    ) {
      warn(
        dotted,
        `${key} ${JSON.stringify(value)} has no ^…$ anchors: it is matched as ^(?:${value})$, write them to make that visible`,
      );
    }
    if (/^issuer(-regexp)?$/.test(key) && typeof value === 'string' && /\*|\.\+|\.\*/.test(value)) {
      warn(
        dotted,
        `${key} ${JSON.stringify(value)} is a wildcard: any OIDC issuer that matches can vouch for a signer`,
      );
    }
    if (key === 'reason' && parent.expires === undefined) {
      warn(
        path.slice(0, -1).join('.'),
        'this exception has no "expires" date: it will never be reviewed again',
      );
    }
  });
  for (const [family, section] of Object.entries(policy)) {
    if (section && typeof section === 'object' && !Array.isArray(section)) {
      const settings = section as Record<string, unknown>;
      if (Array.isArray(settings['fail-on']) && settings['fail-on'].length === 0) {
        warn(`${family}.fail-on`, 'fail-on is empty: no vulnerability can fail the gate');
      }
      if (settings['require-scan'] === false)
        warn(`${family}.require-scan`, 'require-scan: false passes an image nobody scanned');
    }
  }
  if (policy.sbom['accept-unsigned']) {
    warn(
      'sbom.accept-unsigned',
      'accept-unsigned: true lets SBOMs anyone with push access could have written judge the image; sign the index instead',
    );
  }
  return warnings.map(({ path, text }) => `${formatPosition(positionOf(policy, path))}: warning: ${text}`);
}

function walk(
  node: Record<string, unknown>,
  path: string[],
  visit: (path: string[], key: string, value: unknown, parent: Record<string, unknown>) => void,
): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'positions' || key === 'organization' || key === 'notes') continue;
    const childPath = [...path, key];
    visit(childPath, key, value, node);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item && typeof item === 'object')
          walk(item as Record<string, unknown>, [...childPath, String(index)], visit);
      });
    } else if (value && typeof value === 'object') {
      walk(value as Record<string, unknown>, childPath, visit);
    }
  }
}

function positionOf(policy: Policy, path: string): FilePosition {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const position = policy.positions[parts.slice(0, length).join('.')];
    if (position) return position;
  }
  return { file: policy.origin, line: 1, column: 1 };
}
