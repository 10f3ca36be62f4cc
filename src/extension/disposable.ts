// Everything an object registers with VS Code goes through `register`, so disposing the object releases all of it.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Last registered first: later registrations may depend on earlier ones.
    for (const disposable of this.owned.reverse()) {
      try {
        disposable.dispose();
      } catch {
        // Disposal keeps going: one failing listener must not leak the rest.
      }
    }
    this.owned.length = 0;
  }
}
