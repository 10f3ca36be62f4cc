// Rewrites README.md's formats table and package.json's workspaceContains activation events from the format
// registry. Run after `npx tsc -p .` (it reads the compiled registry): `npm run formats-table`.
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..');
const { withFormatsTable, activationEvents } = require(path.join(root, 'out/node/src/core/formats/registry/table.js'));

const readmePath = path.join(root, 'README.md');
const readme = withFormatsTable(fs.readFileSync(readmePath, 'utf8'));
if (readme === undefined) throw new Error('README.md has no formats-table markers');
fs.writeFileSync(readmePath, readme);

const manifestPath = path.join(root, 'package.json');
const text = fs.readFileSync(manifestPath, 'utf8');
const manifest = JSON.parse(text);
const others = manifest.activationEvents.filter((e) => !e.startsWith('workspaceContains:**/'));
const firstWorkspace = others.findIndex((e) => e.startsWith('workspaceContains:'));
const events = [...others.slice(0, firstWorkspace), ...activationEvents(), ...others.slice(firstWorkspace)];
const indent = (s) =>
  s
    .split('\n')
    .map((l, i) => (i === 0 ? l : `  ${l}`))
    .join('\n');
const replaced = text.replace(
  /"activationEvents": \[[\s\S]*?\n  \]/,
  `"activationEvents": ${indent(JSON.stringify(events, null, 2))}`,
);
fs.writeFileSync(manifestPath, replaced);
console.log(`README formats table: ${manifest.activationEvents.length} → ${events.length} activation events`);
