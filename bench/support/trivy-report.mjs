// Writes a synthetic Trivy JSON report (SchemaVersion 2) with the fields and sizes of a real one:
// each vulnerability carries a title, a description, references, CVSS and vendor severities, so a
// report of 250,000 findings is about 200 MB; with `full`, each also carries what real Trivy writes
// besides (data source, layer, vendor severities and CVSS, four references,
// dates): about 1.3 KB each, 333 MB for 250,000. Deterministic: the same arguments give the same bytes.
// Every (id, package, version) is distinct, so the counts after dedupe equal the raw counts.
import { closeSync, openSync, writeSync } from 'node:fs';

const SEVERITIES = [
  ['CRITICAL', 3],
  ['HIGH', 17],
  ['MEDIUM', 40],
  ['LOW', 30],
  ['UNKNOWN', 10],
];
const WORDS =
  'a flaw was found in the parser when handling crafted input which could allow a remote attacker to cause a denial of service or possibly execute arbitrary code via a specially crafted request to the affected component'.split(
    ' ',
  );

/** Writes the report to `path`; returns the number of vulnerabilities by severity written. */
export function writeTrivyReport(path, { findings, packages = 5000, seed = 1, full = false }) {
  let state = seed;
  const random = (limit) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % limit;
  };
  const text = (count) => Array.from({ length: count }, () => WORDS[random(WORDS.length)]).join(' ');
  const hex = (length) => Array.from({ length }, () => '0123456789abcdef'[random(16)]).join('');
  const counts = {};
  const fd = openSync(path, 'w');
  let buffer = '';
  const write = (chunk) => {
    buffer += chunk;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  const digest = `sha256:${hex(64)}`;
  write(
    `{\n  "SchemaVersion": 2,\n  "CreatedAt": "2026-11-28T10:00:00Z",\n  "ArtifactName": "app:bench",\n  "ArtifactType": "container_image",\n  "Metadata": {\n    "ImageID": "sha256:${hex(64)}",\n    "RepoDigests": ["app@${digest}"]\n  },\n  "Results": [`,
  );
  const targets = [
    ['app:bench (debian 12.4)', 'os-pkgs', 'debian', 'deb/debian', 0.7],
    ['usr/local/lib/node_modules/app/package-lock.json', 'lang-pkgs', 'npm', 'npm', 0.2],
    ['app/go.mod', 'lang-pkgs', 'gomod', 'golang', 0.1],
  ];
  let written = 0;
  targets.forEach(([target, klass, type, purlType, share], t) => {
    const inTarget = t === targets.length - 1 ? findings - written : Math.round(findings * share);
    write(
      `${t === 0 ? '' : ','}\n    {\n      "Target": "${target}",\n      "Class": "${klass}",\n      "Type": "${type}",\n      "Vulnerabilities": [`,
    );
    for (let i = 0; i < inTarget; i++) {
      const n = written + i;
      const pkg = `${type}-pkg-${n % packages}`;
      const version = `${1 + (n % 7)}.${n % 13}.${n % 5}-r${n % 3}`;
      let roll = random(100);
      const severity = SEVERITIES.find(([, weight]) => (roll -= weight) < 0)[0];
      counts[severity] = (counts[severity] ?? 0) + 1;
      const id = `CVE-${2015 + (n % 11)}-${100000 + n}`;
      const fixed =
        random(3) > 0 ? `"FixedVersion": "${version}.1", "Status": "fixed",` : '"Status": "affected",';
      const score = (random(100) / 10).toFixed(1);
      const vuln = full
        ? `{"VulnerabilityID": "${id}", "PkgName": "${pkg}", "PkgIdentifier": {"PURL": "pkg:${purlType}/${pkg}@${version}", "UID": "${hex(16)}"}, "InstalledVersion": "${version}", ${fixed} "Layer": {"DiffID": "sha256:${hex(64)}"}, "SeveritySource": "nvd", "PrimaryURL": "https://avd.aquasec.com/nvd/${id.toLowerCase()}", "DataSource": {"ID": "debian", "Name": "Debian Security Tracker", "URL": "https://salsa.debian.org/security-tracker-team/security-tracker"}, "Title": "${pkg}: ${text(7)}", "Description": "${text(17)}", "Severity": "${severity}", "CweIDs": ["CWE-${100 + random(800)}"], "VendorSeverity": {"debian": ${random(5)}, "nvd": ${random(5)}, "redhat": ${random(5)}}, "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "V3Score": ${score}}, "redhat": {"V3Vector": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", "V3Score": ${score}}}, "References": ["https://access.redhat.com/security/cve/${id}", "https://nvd.nist.gov/vuln/detail/${id}", "https://security-tracker.debian.org/tracker/${id}", "https://ubuntu.com/security/notices/USN-${1000 + random(8000)}-1"], "PublishedDate": "2023-0${1 + (n % 9)}-1${n % 10}T00:00:00Z", "LastModifiedDate": "2024-0${1 + (n % 9)}-2${n % 10}T00:00:00Z"}`
        : `{"VulnerabilityID": "${id}", "PkgName": "${pkg}", "PkgIdentifier": {"PURL": "pkg:${purlType}/${pkg}@${version}", "UID": "${hex(16)}"}, "InstalledVersion": "${version}", ${fixed} "SeveritySource": "nvd", "PrimaryURL": "https://avd.aquasec.com/nvd/${id.toLowerCase()}", "Title": "${pkg}: ${text(7)}", "Description": "${text(22)}", "Severity": "${severity}", "CweIDs": ["CWE-${100 + random(800)}"], "VendorSeverity": {"nvd": ${random(5)}}, "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "V3Score": ${score}}}, "References": ["https://nvd.nist.gov/vuln/detail/${id}", "https://security-tracker.debian.org/tracker/${id}"], "PublishedDate": "2023-0${1 + (n % 9)}-1${n % 10}T00:00:00Z"}`;
      write(`${i === 0 ? '\n' : ',\n'}        ${vuln}`);
    }
    written += inTarget;
    write('\n      ]\n    }');
  });
  write('\n  ]\n}\n');
  writeSync(fd, buffer);
  closeSync(fd);
  return { counts, digest };
}
