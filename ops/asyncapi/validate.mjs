// Validates an AsyncAPI document with the official parser: schema and semantic rules.
// Usage: node validate.mjs <file>; exits 1 on any error (warnings are printed, not fatal).
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs <asyncapi.yaml>');
  process.exit(2);
}
const parser = new Parser();
const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
const severities = ['error', 'warning', 'info', 'hint'];
let errors = 0;
for (const d of diagnostics) {
  const level = severities[d.severity] ?? String(d.severity);
  if (d.severity === 0) errors++;
  if (d.severity <= 1) {
    console.log(`${level}: ${d.message} at ${(d.path ?? []).join('.')}`);
  }
}
if (!document || errors > 0) {
  console.error(`${file}: INVALID (${errors} error(s))`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()} — ${document.channels().length} channels, ${document.operations().length} operations, ${document.components().messages().length} messages`);
