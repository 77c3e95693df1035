// The one Node API the Worker uses (nodejs_compat provides it); @types/node is not installed.
declare module 'node:async_hooks' {
  export class AsyncLocalStorage<T> {
    run<R>(store: T, callback: () => R): R;
    getStore(): T | undefined;
  }
}
