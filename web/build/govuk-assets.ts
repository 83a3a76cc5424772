import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

// govuk-frontend and MoJ Frontend CSS reference fonts and images at absolute /assets/... URLs,
// so those files are staged in a generated public directory: Vite then serves them in dev,
// copies them unchanged into dist/ on build, and leaves the CSS URLs alone.
// Later sources win on a name clash, so GOV.UK's own files take precedence.
const sources = [
  'node_modules/@ministryofjustice/frontend/moj/assets',
  'node_modules/govuk-frontend/dist/govuk/assets',
];
const folders = ['fonts', 'images'];
const stagingDir = 'node_modules/.rjcloud-public';

export function govukAssets(): Plugin {
  return {
    name: 'rjcloud-govuk-assets',
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      const publicDir = join(root, stagingDir);
      rmSync(publicDir, { recursive: true, force: true });
      for (const source of sources) {
        for (const folder of folders) {
          const from = join(root, source, folder);
          if (existsSync(from)) cpSync(from, join(publicDir, 'assets', folder), { recursive: true });
        }
      }
      return { publicDir };
    },
  };
}
