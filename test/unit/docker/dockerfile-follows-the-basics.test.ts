/**
 * Dockerfile lint basics: pinned base images (never `latest` or untagged), production dependencies only,
 * a non-root USER in the final stage, a HEALTHCHECK on /healthz without curl, and the app's port exposed.
 */
import { describe, expect, it } from 'vitest';
import { type DockerInstruction, readDockerfile } from './docker-files.ts';

function argDefaults(steps: DockerInstruction[]): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const step of steps.filter((s) => s.keyword === 'ARG')) {
    const [name = '', value] = step.args.split('=');
    if (value !== undefined) defaults[name] = value;
  }
  return defaults;
}

/** Base images of the FROM lines, with ${ARG} defaults filled in; stage names excluded. */
function baseImages(steps: DockerInstruction[]): string[] {
  const defaults = argDefaults(steps);
  const stages = new Set<string>();
  const images: string[] = [];
  for (const step of steps.filter((s) => s.keyword === 'FROM')) {
    const words = step.args.split(/\s+/).filter((word) => !word.startsWith('--'));
    const image = (words[0] ?? '').replace(/\$\{?(\w+)\}?/g, (_, name: string) => defaults[name] ?? '');
    if (!stages.has(image)) images.push(image);
    if (words[1]?.toUpperCase() === 'AS' && words[2]) stages.add(words[2]);
  }
  return images;
}

function finalStage(steps: DockerInstruction[]): DockerInstruction[] {
  const lastFrom = steps.map((step) => step.keyword).lastIndexOf('FROM');
  return steps.slice(lastFrom);
}

describe('docker/Dockerfile', () => {
  const steps = readDockerfile();

  it('pins every base image to a tag that is not latest', () => {
    const images = baseImages(steps);
    expect(images.length).toBeGreaterThan(0);
    const unpinned = images.filter((image) => {
      const tag = image.includes('@') ? 'digest' : (image.split('/').at(-1)?.split(':')[1] ?? '');
      return tag === '' || tag === 'latest';
    });
    expect(unpinned).toEqual([]);
  });

  it('is multi-stage and installs production dependencies only, from the lockfile', () => {
    expect(steps.filter((step) => step.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
    const installs = steps.filter(
      (step) => step.keyword === 'RUN' && /\bnpm (ci|install|i)\b/.test(step.args),
    );
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install.args).toMatch(/npm ci\b.*--omit=dev/);
  });

  it('runs the final stage as a non-root user', () => {
    const users = finalStage(steps).filter((step) => step.keyword === 'USER');
    const user = users.at(-1)?.args.split(':')[0];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('has a HEALTHCHECK on /healthz that needs no curl, and exposes 8080', () => {
    const healthcheck = finalStage(steps).find((step) => step.keyword === 'HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/CMD .*\/healthz/);
    expect(healthcheck?.args).not.toMatch(/\b(curl|wget)\b/);
    expect(
      finalStage(steps).some((step) => step.keyword === 'EXPOSE' && step.args.split(/\s+/).includes('8080')),
    ).toBe(true);
  });
});
