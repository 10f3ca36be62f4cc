// The pre-check before a source file is parsed (CLI walk and editor alike): an import or require of an SDK package,
// in any case; a mention in a comment, a string or a variable name without an import is not one.
import * as assert from 'assert';
import { importsAnSdk, isSdkModule } from '../../../src/core/sourceCalls/sdks';
import { ON_REQUEST_FILE_GLOBS, PROMPT_FILE_GLOBS } from '../../../src/core/present/promptFileGlobs';
import { matchGlob } from '../../../src/core/glob';

describe('source calls: the SDK import pre-check', () => {
  it('finds JavaScript and TypeScript imports, requires and dynamic imports of each SDK', () => {
    for (const line of [
      "import OpenAI from 'openai';",
      'import Anthropic from "@anthropic-ai/sdk";',
      "import { GoogleGenAI } from '@google/genai';",
      "import { generateText } from 'ai';",
      "import { openai } from '@ai-sdk/openai';",
      "import { ChatPromptTemplate } from '@langchain/core/prompts';",
      "import { ChatOpenAI } from 'langchain/chat_models/openai';",
      "const OpenAI = require('openai');",
      "const sdk = require ( 'openai/resources' );",
      "const { default: Anthropic } = await import('@anthropic-ai/sdk');",
      "export { generateText } from 'ai';",
      "import type { Message } from '@Anthropic-AI/SDK';",
      "import 'openai/shims/node';",
    ])
      assert.ok(importsAnSdk(`// app\n${line}\nconsole.log(1);\n`), line);
  });

  it('finds Python imports of each SDK, in any case', () => {
    for (const line of [
      'import openai',
      'import os, anthropic',
      'import google.genai as genai',
      'from google import genai',
      'from google.genai import types',
      'from openai import OpenAI',
      'from langchain_core.prompts import ChatPromptTemplate',
      'from langchain.chat_models import init_chat_model',
      'import litellm',
      'from litellm import completion',
      'from Anthropic import Anthropic',
      '    from openai import (AsyncOpenAI,',
    ])
      assert.ok(importsAnSdk(`"""doc"""\n${line}\r\nx = 1\n`), line);
  });

  it('does not take mentions, look-alike packages or other imports for an SDK', () => {
    for (const text of [
      'export const x = 1;',
      '// we call openai.chat.completions.create elsewhere',
      "const label = 'anthropic';",
      "import aiohttp from 'aiohttp';",
      "import { paint } from 'airbrush';",
      "import { open } from './openai-helpers';",
      'import aiohttp',
      'from google.cloud import storage',
      'from google import auth',
      "client.messages.create({ model: 'claude-haiku-4-5' })",
    ])
      assert.strictEqual(importsAnSdk(text), false, text);
  });

  it('names the SDK modules, not their neighbours', () => {
    assert.ok(isSdkModule('ai') && isSdkModule('ai/rsc') && !isSdkModule('aiohttp'));
    assert.ok(isSdkModule('google', 'genai') && !isSdkModule('google', 'auth'));
    assert.ok(isSdkModule('langchain-openai') && isSdkModule('@langchain/anthropic'));
  });

  it('gives the editor selectors for the source extensions, kept out of the activation globs', () => {
    for (const path of ['src/a.ts', 'web/App.tsx', 'lib/x.js', 'lib/x.mjs', 'lib/x.cjs', 'svc/review.py'])
      assert.ok(
        ON_REQUEST_FILE_GLOBS.some((glob) => matchGlob(glob, path)),
        path,
      );
    assert.ok(!ON_REQUEST_FILE_GLOBS.some((glob) => PROMPT_FILE_GLOBS.includes(glob)));
  });
});
