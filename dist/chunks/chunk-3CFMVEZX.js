import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/inputs.ts
var DEFAULT_CHECK_NAME = "supply-chain-gate";
function parsePlatform(text) {
  const [os, architecture, variant, ...rest] = text.split("/");
  if (!os || !architecture || rest.length > 0) return void 0;
  return variant ? { os, architecture, variant } : { os, architecture };
}
function parsePlatformList(texts, what) {
  return texts.flatMap((text) => text.split(/[,\n]/)).map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const platform = parsePlatform(entry);
    if (!platform) {
      throw new ConfigurationError(
        "invalid-platform",
        `${what} takes OS/ARCH[/VARIANT] (e.g. linux/arm64), got ${JSON.stringify(entry)}`
      );
    }
    return platform;
  });
}

export {
  DEFAULT_CHECK_NAME,
  parsePlatformList
};
