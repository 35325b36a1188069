// The server and the site writer serve the prebuilt page: build it once per test run if src/app changed.
// @ts-expect-error: a plain ES module script without types
import { buildApp } from '../scripts/build-app.mjs';

export default async function setup(): Promise<void> {
  await (buildApp as () => Promise<boolean>)();
}
