/**
 * CycloneDX XML (1.4 to 1.6) turned into the JSON document the CycloneDX reader reads: the two
 * encodings carry the same model, so one reader judges both. XML is parsed whole (fast-xml-parser),
 * which is why an XML report has a size limit a JSON one does not. A DOCTYPE is refused: CycloneDX
 * uses none, and entity declarations are how XML bombs are built.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ConfigurationError } from '../../errors.js';

/** XML is held whole while it is parsed; JSON reports are streamed and have no limit. */
export const MAX_XML_BYTES = 256 * 1024 * 1024;

const NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/;

/** Elements that repeat inside their parent: always read as lists. */
const LISTS = new Set([
  'component',
  'vulnerability',
  'rating',
  'reference',
  'target',
  'tool',
  'property',
  'author',
  'advisory',
  'cwe',
  'response',
]);

type Node = Record<string, unknown>;

export function readCycloneDxXml(text: string, uri: string): Record<string, unknown> {
  if (/<!DOCTYPE/i.test(text)) {
    throw new ConfigurationError(
      'invalid-scan-report',
      `${uri}: XML with a DOCTYPE is refused (CycloneDX uses none)`,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // The validator's message can quote the input; only its position and code are shown.
    throw new ConfigurationError(
      'invalid-scan-report',
      `${uri}:${valid.err.line}:${valid.err.col}: invalid XML (${valid.err.code})`,
    );
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name, jpath) => {
      // `version` is also a component's text, and `metadata.component` is one component.
      const path = String(jpath);
      if (name === 'version') return path.endsWith('.versions.version');
      if (name === 'component') return !path.endsWith('metadata.component');
      return LISTS.has(name);
    },
  }).parse(text) as Node;
  const bom = parsed.bom as Node | undefined;
  const namespace = typeof bom?.['@xmlns'] === 'string' ? NAMESPACE.exec(bom['@xmlns']) : null;
  if (!bom || !namespace) {
    throw new ConfigurationError(
      'unknown-scan-format',
      `${uri}: an XML document that is not a CycloneDX BOM (its root must be <bom> in the http://cyclonedx.org/schema/bom/1.x namespace)`,
    );
  }
  const metadata = bom.metadata as Node | undefined;
  const tools = metadata?.tools as Node | undefined;
  return {
    bomFormat: 'CycloneDX',
    specVersion: namespace[1],
    ...(typeof bom['@serialNumber'] === 'string' ? { serialNumber: bom['@serialNumber'] } : {}),
    ...(metadata
      ? {
          metadata: {
            timestamp: text_(metadata.timestamp),
            tools: tools
              ? [...list(tools.tool), ...list((tools.components as Node | undefined)?.component)].map(
                  (tool) => ({
                    name: text_(tool.name),
                    version: text_(tool.version),
                  }),
                )
              : undefined,
            component: metadata.component ? componentOf(metadata.component as Node) : undefined,
            authors: list((metadata.authors as Node | undefined)?.author).map((a) => ({
              name: text_(a.name),
            })),
          },
        }
      : {}),
    components: list((bom.components as Node | undefined)?.component).map(componentOf),
    ...(bom.vulnerabilities !== undefined
      ? {
          vulnerabilities: list((bom.vulnerabilities as Node | undefined)?.vulnerability).map(
            vulnerabilityOf,
          ),
        }
      : {}),
  };
}

function componentOf(node: Node): Node {
  return {
    'bom-ref': text_(node['@bom-ref']),
    name: text_(node.name),
    version: text_(node.version),
    purl: text_(node.purl),
    properties: list((node.properties as Node | undefined)?.property).map((p) => ({
      name: text_(p['@name']) ?? '',
      value: text_(p['#text'] ?? (typeof p === 'string' ? p : undefined)),
    })),
    components: list((node.components as Node | undefined)?.component).map(componentOf),
  };
}

function vulnerabilityOf(node: Node): Node {
  const source = node.source as Node | undefined;
  const analysis = node.analysis as Node | undefined;
  return {
    'bom-ref': text_(node['@bom-ref']),
    id: text_(node.id),
    source: source ? { name: text_(source.name), url: text_(source.url) } : undefined,
    references: list((node.references as Node | undefined)?.reference).map((r) => ({ id: text_(r.id) })),
    ratings: list((node.ratings as Node | undefined)?.rating).map((r) => ({
      source: r.source ? { name: text_((r.source as Node).name) } : undefined,
      score: r.score === undefined ? undefined : Number(text_(r.score)),
      severity: text_(r.severity),
      method: text_(r.method),
      vector: text_(r.vector),
    })),
    description: text_(node.description),
    affects: list((node.affects as Node | undefined)?.target).map((t) => ({
      ref: text_(t.ref) ?? '',
      versions: list((t.versions as Node | undefined)?.version).map((v) => ({
        version: text_(v.version),
        range: text_(v.range),
        status: text_(v.status),
      })),
    })),
    analysis: analysis
      ? {
          state: text_(analysis.state),
          justification: text_(analysis.justification),
          detail: text_(analysis.detail),
        }
      : undefined,
    updated: text_(node.updated),
    published: text_(node.published),
  };
}

function list(value: unknown): Node[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === 'object' && item !== null ? (item as Node) : ({ '#text': item } as Node),
  );
}

/** An element's text (or an attribute's value); elements with attributes keep it in `#text`. */
function text_(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return text_((value as Node)['#text']);
  return undefined;
}
