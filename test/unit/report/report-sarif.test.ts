/** The SARIF file, checked against the SARIF 2.1.0 schema the code scanning upload action uses. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { renderSarif } from '../../../src/report/sarif.js';
import { readFixture } from '../../support/fixtures.js';
import { decision, failOnResult, finding, HOSTILE_TITLE, POLICY_FILE } from './report-decision.js';

const schema = JSON.parse(readFixture('third-party/codeql-action/sarif-schema-2.1.0.json'));
// The published schema nests an `anyOf` under region's `properties` (a known slip in it), which
// meta-validation refuses; compiled as is, it reads as a property named anyOf and checks the rest.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const options = (...repoFiles: string[]) => ({
  checkName: 'supply-chain-gate',
  toolVersion: '1.2.3',
  isRepoFile: (path: string) => repoFiles.includes(path),
});

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0 with one result per violation and per finding, on the lines they come from', () => {
    const sarif = JSON.parse(renderSarif(decision(), options(POLICY_FILE, 'package-lock.json')));

    expect(validate(sarif)).toBe(true);
    const [run] = sarif.runs;
    expect(run.tool.driver).toMatchObject({ name: 'supply-chain-gate', version: '1.2.3' });
    expect(run.automationDetails).toEqual({ id: 'supply-chain-gate/' });
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      'vulnerabilities.fail-on',
      'vulnerabilities.fail-on/CVE-2024-00001',
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: POLICY_FILE },
      region: { startLine: 4, startColumn: 3 },
    });
    expect(run.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('package-lock.json');
    expect(run.rules ?? run.tool.driver.rules).toContainEqual(
      expect.objectContaining({
        id: 'vulnerabilities.fail-on/CVE-2024-00001',
        properties: expect.objectContaining({ 'security-severity': '9.8' }),
      }),
    );
    expect(run.tool.driver.rules[1].shortDescription.text).toBe(HOSTILE_TITLE);
  });

  it('places findings outside the repository on the image, and says when the gate could not decide', () => {
    const image = failOnResult([finding(1, { target: 'alpine:3.10 (alpine 3.10.9)' })], {
      position: undefined,
    });
    const sarif = JSON.parse(
      renderSarif(
        decision({ verdict: 'error', results: [image], errors: ['registry 127.0.0.1:9 unreachable'] }),
        options(),
      ),
    );

    expect(validate(sarif)).toBe(true);
    const [run] = sarif.runs;
    expect(run.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('ghcr.io/acme/app');
    expect(run.invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: 'registry 127.0.0.1:9 unreachable' } }],
    });
  });

  it('has no results when every rule passes', () => {
    const sarif = JSON.parse(renderSarif(decision({ verdict: 'pass', results: [] }), options()));
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results).toEqual([]);
  });

  it('is rejected by the schema when broken, so the checks above can fail', () => {
    const sarif = JSON.parse(renderSarif(decision(), options()));
    sarif.runs[0].results[0].level = 'fatal';
    expect(validate(sarif)).toBe(false);
  });
});
