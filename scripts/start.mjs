// `npm start` on a fresh clone: install what is missing, then run the demo (scripts/start.ts).
import { ROOT, ensureChromium, ensureDependencies, run } from './ensure-env.mjs';
import path from 'node:path';

ensureDependencies();
ensureChromium();
process.exit(run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'start.ts'), ...process.argv.slice(2)]));
