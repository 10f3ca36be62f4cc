import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { readFileSync } from 'fs';
import * as path from 'path';
import { TONE } from './prompts';

const anthropic = new Anthropic();
const openai = new OpenAI();

const SYSTEM = `You are the support assistant of Acme Outfitters. ${TONE}`;

export async function answerTicket(ticket: string, customer: string) {
  // burnrate: callsPerDay=5000
  return anthropic.messages.create({
    model: process.env.SUPPORT_MODEL ?? 'claude-haiku-4-5',
    max_tokens: 400,
    system: SYSTEM,
    messages: [{ role: 'user', content: `Customer ${customer} writes:\n\n${ticket}` }],
    tools: [
      {
        name: 'lookup_order',
        description: 'Find an order by its number',
        input_schema: { type: 'object', properties: { orderNumber: { type: 'string' } }, required: ['orderNumber'] },
      },
    ],
  });
}

export async function classify(ticket: string) {
  return openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_tokens: 20,
    messages: [
      { role: 'system', content: readFileSync(path.join(__dirname, 'classify.md'), 'utf8') },
      { role: 'user', content: ticket },
    ],
  });
}
