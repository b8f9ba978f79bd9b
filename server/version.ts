/** The app's name and version, read once from package.json. */
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export const APP = { name: pkg.name, version: pkg.version } as const;
