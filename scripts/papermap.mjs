// What the clone's npm scripts run (`npm run dev`, `build`, `build:graph`): compile the command and the
// page if their sources changed, then run the compiled command in this same process (one process under npm:
// Ctrl-C reaches it, and if npm is killed the server sees it lost its parent and stops; src/cli/papermap.ts).
import { buildApp } from './build-app.mjs';
import { buildCli } from './build-cli.mjs';

if (await buildCli()) console.error('papermap: compiled the command into dist-cli/');
if (await buildApp()) console.error('papermap: built the page into dist-app/');
const { run } = await import('../dist-cli/cli/papermap.js');
process.exit(await run(process.argv.slice(2)));
