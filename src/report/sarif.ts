/**
 * Decision → a SARIF 2.1.0 log of the violations, for GitHub code scanning
 * (`github/codeql-action/upload-sarif`). Pure. Every failing or warning rule is a result on the
 * policy line that configures it, and every finding behind it is a result of its own, so code
 * scanning tracks each vulnerability as an alert with its own severity.
 */
import type { Finding } from '../model/evidence.js';
import type { Decision, RuleResult } from '../policy/decision.js';
import { findingPlace, repoPathOf } from './annotations.js';
import { stripControl, truncate } from './escape.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const MAX_TEXT = 2_000;

export interface SarifOptions {
  checkName: string;
  toolVersion: string;
  isRepoFile(path: string): boolean;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' };
  properties: { tags: string[]; 'security-severity'?: string };
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string };
    region: { startLine: number; startColumn?: number };
  };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning';
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
}

export function renderSarif(decision: Decision, options: SarifOptions): string {
  const rules: SarifRule[] = [];
  const results: SarifResult[] = [];
  const ruleIndex = (rule: SarifRule): number => {
    const existing = rules.findIndex((r) => r.id === rule.id);
    if (existing >= 0) return existing;
    rules.push(rule);
    return rules.length - 1;
  };
  const violations = decision.results.filter((r) => r.status === 'fail' || r.status === 'warn');
  for (const result of violations) {
    const level = result.status === 'fail' ? 'error' : 'warning';
    const where = ruleLocation(result, decision, options);
    results.push({
      ruleId: result.ruleId,
      ruleIndex: ruleIndex(gateRule(result, level)),
      level,
      message: { text: text(`${result.title}. ${result.message}`) },
      locations: [where],
      partialFingerprints: { 'supplyChainGate/v1': result.ruleId },
    });
    for (const finding of result.findings ?? []) {
      const rule = findingRule(result, finding, level);
      results.push({
        ruleId: rule.id,
        ruleIndex: ruleIndex(rule),
        level,
        message: { text: text(describeFinding(finding, decision)) },
        locations: [findingLocation(finding, options) ?? where],
        partialFingerprints: {
          'supplyChainGate/v1': `${rule.id}:${finding.packageName}:${finding.installedVersion ?? ''}`,
        },
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'supply-chain-gate',
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            rules,
          },
        },
        // Code scanning keeps one set of alerts per category: one per gate.
        automationDetails: { id: `${options.checkName}/` },
        invocations: [
          {
            executionSuccessful: decision.verdict !== 'error',
            endTimeUtc: decision.evaluatedAt,
            toolExecutionNotifications: decision.errors.map((error) => ({
              level: 'error',
              message: { text: text(error) },
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function gateRule(result: RuleResult, level: 'error' | 'warning'): SarifRule {
  return {
    id: result.ruleId,
    name: ruleName(result.ruleId),
    shortDescription: { text: text(result.title) },
    ...(result.remediation ? { help: { text: text(result.remediation) } } : {}),
    defaultConfiguration: { level },
    properties: { tags: ['supply-chain', result.family] },
  };
}

/** One rule per vulnerability id, so code scanning shows its severity and links its advisory. */
function findingRule(result: RuleResult, finding: Finding, level: 'error' | 'warning'): SarifRule {
  const id = `${result.ruleId}/${finding.id}`;
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: text(finding.title ?? finding.id) },
    fullDescription: {
      text: text(`${finding.id} (${finding.severity})${finding.title ? `: ${finding.title}` : ''}`),
    },
    help: {
      text: text(
        finding.fixedVersion
          ? `Upgrade ${finding.packageName} to ${finding.fixedVersion} or later.`
          : `No fixed version of ${finding.packageName} is published yet.`,
      ),
    },
    ...(finding.url && isHttpsUrl(finding.url) ? { helpUri: finding.url } : {}),
    defaultConfiguration: { level },
    properties: {
      tags: ['supply-chain', result.family, 'security'],
      'security-severity': securitySeverity(finding),
    },
  };
}

function describeFinding(finding: Finding, decision: Decision): string {
  const version = finding.installedVersion ? ` ${finding.installedVersion}` : '';
  const fix = finding.fixedVersion ? `fixed in ${finding.fixedVersion}` : 'no fix published yet';
  const image = decision.evidence
    ? ` in ${decision.evidence.image.name}@${decision.evidence.image.digest}`
    : '';
  return `${finding.severity} ${finding.id} in ${finding.packageName}${version} (${fix})${image}`;
}

/** The policy line the rule comes from; else the image, which is what the rule is about. */
function ruleLocation(result: RuleResult, decision: Decision, options: SarifOptions): SarifLocation {
  const path = result.position ? repoPathOf(result.position.file) : undefined;
  if (result.position && path && options.isRepoFile(path)) {
    return location(path, result.position.line, result.position.column);
  }
  return location(decision.evidence?.image.name ?? 'container-image', 1);
}

function findingLocation(finding: Finding, options: SarifOptions): SarifLocation | undefined {
  const place = findingPlace(finding, options.isRepoFile);
  return place && location(place.path, place.line, place.column);
}

function location(uri: string, startLine: number, startColumn?: number): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri.split('/').map(encodeURIComponent).join('/') },
      region: startColumn === undefined ? { startLine } : { startLine, startColumn },
    },
  };
}

/** GitHub maps 9.0+ to critical, 7.0+ high, 4.0+ medium, else low. */
function securitySeverity(finding: Finding): string {
  if (finding.cvssScore !== undefined) return finding.cvssScore.toFixed(1);
  const bySeverity = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', unknown: '0.0' } as const;
  return bySeverity[finding.severity];
}

function ruleName(id: string): string {
  return id.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase());
}

function isHttpsUrl(text: string): boolean {
  return /^https:\/\/[^\s<>"]+$/.test(text);
}

/** SARIF messages are plain text; control characters are dropped and length is capped. */
function text(value: string): string {
  return truncate(stripControl(value).replace(/\s+/g, ' ').trim(), MAX_TEXT);
}
