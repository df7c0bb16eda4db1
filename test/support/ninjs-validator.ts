import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'lib', 'public', 'schema', 'ninjs-2.0.schema.json');

/**
 * A validator for our own JSON Schema (draft-07) rendering of the IPTC ninjs 2.0 standard, shipped in lib/public/schema
 * (see the README there). Compiled in ajv's strict mode with formats (uri, date-time) checked; no network is used.
 */
export function compileNinjsValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
