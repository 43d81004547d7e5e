/**
 * `policy explain RULE_ID` and the rule reference in docs/policy.md, both rendered from the rule
 * catalog (rules/catalog.ts) and the policy schema's own descriptions and defaults. Pure.
 */
import { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import { closestMatch } from '../document/did-you-mean.js';
import { describeRule, RULE_CATALOG, type RuleDescription } from '../rules/catalog.js';
import { familyTitle } from '../rules/titles.js';
import { defaultPolicy, policySchema } from '../schema.js';

interface JsonSchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
}

export interface SettingDescription {
  key: string;
  description?: string;
  /** As YAML would write it, or `not set`. */
  default: string;
  /** The values or type it takes. */
  takes: string;
}

let schemaCache: JsonSchemaNode | undefined;
function jsonSchema(): JsonSchemaNode {
  schemaCache ??= z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  return schemaCache;
}

/** A dotted policy key's description, default and type, from the schema; undefined when there is no such key. */
export function describeSetting(key: string): SettingDescription | undefined {
  let node: JsonSchemaNode | undefined = jsonSchema();
  for (const segment of key.split('.')) {
    node = node?.properties?.[segment];
    if (!node) return undefined;
  }
  // The parsed default policy is where zod's defaults land, whatever the JSON Schema can say.
  let value: unknown = defaultPolicy();
  for (const segment of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[segment];
  const fallback = value === undefined ? node.default : value;
  return {
    key,
    description: node.description,
    default: fallback === undefined ? 'not set' : formatValue(fallback),
    takes: describeType(node),
  };
}

/** The settings a rule reads, its family's `mode` first when the family has one. */
export function ruleSettings(rule: RuleDescription): SettingDescription[] {
  const family = rule.id.split('.')[0]!;
  const keys = [...(describeSetting(`${family}.mode`) ? [`${family}.mode`] : []), ...rule.settings];
  return keys.map((key) => describeSetting(key)).filter((entry): entry is SettingDescription => !!entry);
}

export function explainRule(ruleId: string): string {
  const rule = describeRule(ruleId);
  if (!rule) {
    const suggestion = closestMatch(
      ruleId,
      RULE_CATALOG.map((entry) => entry.id),
    );
    throw new ConfigurationError(
      'unknown-rule',
      `no rule ${JSON.stringify(ruleId)}${suggestion ? `; did you mean ${suggestion}?` : ''}: \`supply-chain-gate policy explain\` lists every rule`,
    );
  }
  const family = rule.id.split('.')[0]!;
  const lines = [
    `${rule.id} (${familyTitle(family)})`,
    '',
    wrap(rule.checks, 0),
    '',
    `Reports: ${rule.reports}.`,
    '',
    'Settings:',
  ];
  const settings = ruleSettings(rule);
  if (settings.length === 0) lines.push('  none of its own');
  for (const setting of settings) {
    lines.push(`  ${setting.key}  (default: ${setting.default}; takes ${setting.takes})`);
    if (setting.description) lines.push(wrap(setting.description, 6));
  }
  lines.push('', 'Evidence it reads:', ...rule.evidence.map((item) => wrap(`- ${item}`, 2)));
  lines.push('', `Reference: docs/policy.md (${familyTitle(family)})`);
  return `${lines.join('\n')}\n`;
}

/** Every rule and what it checks, one line each, for `policy explain` without a rule. */
export function listRules(): string {
  const width = Math.max(...RULE_CATALOG.map((rule) => rule.id.length));
  return `${RULE_CATALOG.map((rule) => `${rule.id.padEnd(width)}  ${firstSentence(rule.checks)}`).join('\n')}\n`;
}

/** The "Rule reference" section of docs/policy.md. */
export function renderRuleReference(): string {
  const rows = RULE_CATALOG.map((rule) => {
    const settings = ruleSettings(rule)
      .map((setting) => `\`${setting.key}\` (${setting.default})`)
      .join(', ');
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return `| \`${rule.id}\` | ${cell(rule.checks)} Reports ${cell(rule.reports)}. | ${cell(settings) || '—'} | ${cell(rule.evidence.join('; '))} |`;
  });
  return [
    '| rule | checks | settings (default) | evidence it reads |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}: ${formatValue(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function describeType(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map(String).join(' | ');
  if (node.const !== undefined) return String(node.const);
  if (node.anyOf) return [...new Set(node.anyOf.map(describeType))].join(' | ');
  if (node.type === 'array') return node.items ? `a list of ${describeType(node.items)}` : 'a list';
  if (node.type === 'object') {
    return node.properties ? `{${Object.keys(node.properties).join(', ')}}` : 'a map';
  }
  if (Array.isArray(node.type)) return node.type.join(' | ');
  return node.type ?? 'a value';
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function wrap(text: string, indent: number, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width - indent) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((entry) => `${' '.repeat(indent)}${entry}`).join('\n');
}
