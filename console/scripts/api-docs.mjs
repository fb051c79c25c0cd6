// The API description and its viewer, into the jar beside the console (io/halqe/apidocs/), served by ConsoleFunction
// at /api/openapi.json and /api/docs: the repository's openapi.yaml as JSON, swagger-ui's files from node_modules (no
// CDN), and this page and its init script.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const out = 'target/classes/io/halqe/apidocs';
mkdirSync(out, { recursive: true });
const description = parse(readFileSync('../openapi.yaml', 'utf8'), { strict: true, uniqueKeys: true });
writeFileSync(`${out}/openapi.json`, JSON.stringify(description));
for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
  copyFileSync(`node_modules/swagger-ui-dist/${file}`, `${out}/${file}`);
}
for (const file of ['index.html', 'docs.js']) {
  copyFileSync(`api-docs/${file}`, `${out}/${file}`);
}
