import chain from 'stream-chain';
import { parser } from 'stream-json/parser.js';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { createReadStream } from 'node:fs';
const counts = {};
const pipeline = chain([
  createReadStream(process.argv[2]),
  parser(),
  pick({ filter: /^Results\.\d+\.Vulnerabilities\.\d+$/ }),
  streamValues(),
  ({ value }) => {
    counts[value.Severity] = (counts[value.Severity] ?? 0) + 1;
    return null;
  },
]);
pipeline.on('data', () => {});
pipeline.on('end', () => console.log(JSON.stringify(counts)));
