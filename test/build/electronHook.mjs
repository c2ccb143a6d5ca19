// Module hook for running the built main process under plain Node (run-built-main.ts): the
// `electron` it imports is the test fake, since the Electron runtime is not installed here.
// The fake's URL goes on down the chain, so tsx resolves and loads it as TypeScript.
export async function resolve(specifier, context, next) {
  return next(specifier === 'electron' ? new URL('./fakeElectronEntry.ts', import.meta.url).href : specifier, context);
}
