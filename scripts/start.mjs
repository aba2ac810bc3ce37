// `npm start`: build when the sources are newer than dist/, then serve dist/ on http://localhost:4173.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const newest = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
};

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].filter(existsSync);
const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
// Build-time settings (VITE_*) are baked into the bundle, so a change of them needs a new build too.
const settings = JSON.stringify(
  Object.fromEntries(
    Object.entries(process.env)
      .filter(([k]) => k.startsWith('VITE_'))
      .sort(),
  ),
);
const builtWith = existsSync('dist/.build-settings.json') ? readFileSync('dist/.build-settings.json', 'utf8') : '';
if (built < Math.max(...sources.map(newest)) || builtWith !== settings) {
  console.log('Building Churn Radar…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync('dist/.build-settings.json', settings);
}
console.log('Churn Radar is served at http://localhost:4173/');
const server = spawn('npx', ['vite', 'preview', '--port', '4173', '--strictPort', '--host', 'localhost'], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
