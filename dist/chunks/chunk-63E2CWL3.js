import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/evidence/secrets/config-secrets.ts
async function scanImageConfigs(image, detector) {
  const scans = [];
  for (const platform of image.platforms) scans.push(await scanConfigForSecrets(platform, image, detector));
  return scans;
}
async function scanConfigForSecrets(image, index, detector) {
  const scan = { manifestDigest: image.digest, findings: [] };
  const values = [];
  for (const entry of image.config?.env ?? []) {
    const at = entry.indexOf("=");
    if (at === -1) continue;
    const name = entry.slice(0, at);
    values.push({ where: `Env ${name}`, text: entry.slice(at + 1), key: name });
  }
  for (const [name, value] of Object.entries(configLabels(image, index))) {
    values.push({ where: `Label ${name}`, text: value, key: name });
  }
  for (const [position, step] of (image.config?.history ?? []).entries()) {
    if (step.createdBy) values.push({ where: `History step ${position + 1}`, text: step.createdBy });
  }
  const matches = await detector.scanEach(values);
  values.forEach(({ where }, position) => {
    for (const match of matches[position]) scan.findings.push({ where, ...match });
  });
  return scan;
}
function configLabels(image, index) {
  return { ...index.annotations, ...image.annotations, ...image.config?.labels };
}
function configCarriesText(image, index) {
  return (image.config?.env.length ?? 0) > 0 || Object.keys(configLabels(image, index)).length > 0 || (image.config?.history ?? []).some((step) => step.createdBy);
}

export {
  scanImageConfigs,
  configCarriesText
};
