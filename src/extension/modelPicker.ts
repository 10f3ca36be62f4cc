// The QuickPick of priced models for "Set Model for This File" (and the status bar click).
import * as vscode from 'vscode';
import { modelChoices } from '../core/present/modelChoices';
import type { PriceOverride } from '../core/pricing/overrides';

export async function pickModel(
  current: string | undefined,
  prices: readonly PriceOverride[],
): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { model?: string })[] = [];
  let provider: string | undefined;
  for (const choice of modelChoices(prices)) {
    const group = choice.origin ? 'your prices' : choice.provider;
    if (group !== provider) {
      items.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
      provider = group;
    }
    items.push({
      label: choice.id,
      description: `${choice.rates}${choice.id === current ? ' · current' : ''}`,
      ...(choice.origin ? { detail: choice.origin } : {}),
      model: choice.id,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Burnrate: model for this file',
    placeHolder: current ? `Currently priced as ${current}` : 'Pick the model this file is sent to',
    matchOnDescription: true,
  });
  return picked?.model;
}
