// What the clone's npm scripts run (`npm run dev`, `build`, `build:graph`): compile the command and the
// page if their sources changed, then run the compiled command in this same process, so that a Ctrl-C or
// SIGTERM to npm reaches the server directly.
import { buildApp } from './build-app.mjs';
import { buildCli } from './build-cli.mjs';

await buildCli();
await buildApp();
const { run } = await import('../dist-cli/cli/papermap.js');
process.exit(await run(process.argv.slice(2)));
