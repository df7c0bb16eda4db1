import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'lib', 'public', 'schema', 'ninjs-schema_2.0.json');

/**
 * A validator for the official IPTC ninjs 2.0 schema (JSON Schema draft-04, shipped in lib/public/schema). The external
 * GeoJSON schema it refers to for places[].geojson is stubbed: we never emit geojson, and tests use no network.
 */
export function compileNinjsValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ id: 'https://geojson.org/schema/GeoJSON.json#' }, 'https://geojson.org/schema/GeoJSON.json');
  return ajv.compile(schema);
}
