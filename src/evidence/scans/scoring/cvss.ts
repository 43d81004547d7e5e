/**
 * CVSS base scores from vectors, for reports that give a vector but no score (OSV records, the
 * in-toto vulns predicate). v2, v3.0 and v3.1 by their specifications' equations; v4's score comes
 * from a table of macro vectors that is not carried here, so a v4 vector yields no score.
 */

const V3_WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

const V2_WEIGHTS = {
  AV: { L: 0.395, A: 0.646, N: 1 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  CIA: { N: 0, P: 0.275, C: 0.66 },
} as const;

/** The base score of a CVSS v2 or v3.x vector, or undefined when it is not one (or is v4). */
export function cvssBaseScore(vector: string): number | undefined {
  const text = vector.trim();
  if (/^CVSS:3\.[01]\//.test(text)) return v3Score(metricsOf(text.slice(9)));
  if (/^CVSS:/.test(text)) return undefined;
  const metrics = metricsOf(text.replace(/^\(|\)$/g, ''));
  return 'Au' in metrics ? v2Score(metrics) : 'S' in metrics ? v3Score(metrics) : undefined;
}

function metricsOf(text: string): Record<string, string> {
  const metrics: Record<string, string> = {};
  for (const part of text.split('/')) {
    const [key, value] = part.split(':');
    if (key && value !== undefined && !(key in metrics)) metrics[key] = value;
  }
  return metrics;
}

function pick<T extends Record<string, number>>(table: T, value: string | undefined): number | undefined {
  return value !== undefined && Object.hasOwn(table, value) ? table[value as keyof T] : undefined;
}

function v3Score(m: Record<string, string>): number | undefined {
  const changed = m.S === 'C';
  if (m.S !== 'C' && m.S !== 'U') return undefined;
  const av = pick(V3_WEIGHTS.AV, m.AV);
  const ac = pick(V3_WEIGHTS.AC, m.AC);
  const ui = pick(V3_WEIGHTS.UI, m.UI);
  const pr = pick(changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 }, m.PR);
  const c = pick(V3_WEIGHTS.CIA, m.C);
  const i = pick(V3_WEIGHTS.CIA, m.I);
  const a = pick(V3_WEIGHTS.CIA, m.A);
  if ([av, ac, ui, pr, c, i, a].some((w) => w === undefined)) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av! * ac! * pr! * ui!;
  return roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
}

/** CVSS v3.1's Roundup: the smallest one-decimal number not below the input, free of float noise. */
function roundUp(value: number): number {
  const scaled = Math.round(value * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

function v2Score(m: Record<string, string>): number | undefined {
  const av = pick(V2_WEIGHTS.AV, m.AV);
  const ac = pick(V2_WEIGHTS.AC, m.AC);
  const au = pick(V2_WEIGHTS.Au, m.Au);
  const c = pick(V2_WEIGHTS.CIA, m.C);
  const i = pick(V2_WEIGHTS.CIA, m.I);
  const a = pick(V2_WEIGHTS.CIA, m.A);
  if ([av, ac, au, c, i, a].some((w) => w === undefined)) return undefined;
  const impact = 10.41 * (1 - (1 - c!) * (1 - i!) * (1 - a!));
  const exploitability = 20 * av! * ac! * au!;
  const score = (0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176);
  return Math.round(score * 10) / 10;
}
