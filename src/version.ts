declare const __SUPPLY_CHAIN_GATE_VERSION__: string | undefined;

/** Stamped in by the bundler from package.json; source runs (tests) say `dev`. */
export const VERSION =
  typeof __SUPPLY_CHAIN_GATE_VERSION__ === 'string' ? __SUPPLY_CHAIN_GATE_VERSION__ : '0.0.0-dev';
