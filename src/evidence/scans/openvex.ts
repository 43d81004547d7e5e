/**
 * OpenVEX documents (v0.0.1 and v0.2.0): statements that a vulnerability does or does not affect
 * products. v0.0.1 writes products and subcomponents as strings; v0.2.0 as objects with `@id`.
 */
import { z } from 'zod';
import type { EvidenceSource, VexProduct, VexStatement } from '../../model/evidence.js';
import {
  shortText,
  validatePart,
  type DocumentFormat,
  type FormatReading,
  type StreamedElement,
} from './document-format.js';

const TITLE = 'OpenVEX document';

const component = z.union([
  z.string(),
  z.object({
    '@id': z.string().optional(),
    identifiers: z.object({ purl: z.string().optional() }).nullish(),
    subcomponents: z
      .array(
        z.union([
          z.string(),
          z.object({
            '@id': z.string().optional(),
            identifiers: z.object({ purl: z.string().optional() }).nullish(),
          }),
        ]),
      )
      .nullish(),
  }),
]);

const statement = z.object({
  vulnerability: z.union([
    z.string().min(1),
    z.object({
      name: z.string().optional(),
      '@id': z.string().optional(),
      aliases: z.array(z.string()).nullish(),
    }),
  ]),
  products: z.array(component).nullish(),
  subcomponents: z.array(z.string()).nullish(),
  status: z.enum(['not_affected', 'affected', 'fixed', 'under_investigation']),
  justification: z.string().optional(),
  impact_statement: z.string().optional(),
  status_notes: z.string().optional(),
  timestamp: z.string().optional(),
  last_updated: z.string().optional(),
});

const document = z.object({
  '@context': z.string().startsWith('https://openvex.dev/ns'),
  author: z.string().optional(),
  timestamp: z.string().optional(),
  last_updated: z.string().optional(),
});

export const openVex: DocumentFormat = {
  title: TITLE,
  streamed: [['statements']],
  detect: (doc) =>
    typeof doc['@context'] === 'string' && doc['@context'].startsWith('https://openvex.dev/ns'),
  read: readOpenVex,
};

function readOpenVex(source: EvidenceSource): FormatReading {
  const statements: Array<z.output<typeof statement>> = [];
  return {
    element({ value, path, start }: StreamedElement) {
      statements.push(validatePart(statement, value, { source, title: TITLE, path, start }));
    },
    finish(raw) {
      const parsed = validatePart(document, raw, { source, title: TITLE, path: [] });
      const documentTime = parsed.last_updated ?? parsed.timestamp;
      return {
        kind: 'vex',
        vex: {
          format: 'openvex',
          author: parsed.author,
          timestamp: documentTime,
          statements: statements.map((entry) => toStatement(entry, documentTime)),
          source,
        },
      };
    },
  };
}

function toStatement(entry: z.output<typeof statement>, documentTime: string | undefined): VexStatement {
  const vulnerability =
    typeof entry.vulnerability === 'string'
      ? { name: entry.vulnerability, aliases: [] as string[] }
      : {
          name: entry.vulnerability.name ?? entry.vulnerability['@id'] ?? '',
          aliases: entry.vulnerability.aliases ?? [],
        };
  const statementSubcomponents = entry.subcomponents ?? [];
  const products: VexProduct[] = (entry.products ?? []).map((product) =>
    typeof product === 'string'
      ? { id: product, subcomponents: statementSubcomponents }
      : {
          id: product.identifiers?.purl ?? product['@id'] ?? '',
          subcomponents: [
            ...statementSubcomponents,
            ...(product.subcomponents ?? []).map((sub) =>
              typeof sub === 'string' ? sub : (sub.identifiers?.purl ?? sub['@id'] ?? ''),
            ),
          ].filter(Boolean),
        },
  );
  return {
    vulnerability: vulnerability.name,
    aliases: vulnerability.aliases,
    products,
    status: entry.status,
    justification: entry.justification,
    detail: shortText(entry.impact_statement ?? entry.status_notes, 300),
    timestamp: entry.last_updated ?? entry.timestamp ?? documentTime,
  };
}
