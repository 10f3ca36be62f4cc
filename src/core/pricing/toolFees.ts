// Per-call fees of server tools (web search, file search), from data/toolFees.json with sources and dates.
import table from './data/toolFees.json';

export interface ToolFee {
  tool: string;
  provider: string;
  perCallUsd: number;
  note: string;
  source: string;
  asOf: string;
}

const FEES = table.fees as ToolFee[];

export const TOOL_FEE_NAMES: readonly string[] = [...new Set(FEES.map((f) => f.tool))];

export function toolFee(tool: string, providerId: string): ToolFee | undefined {
  return FEES.find((f) => f.tool === tool && f.provider === providerId);
}
