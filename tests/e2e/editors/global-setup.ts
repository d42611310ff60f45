// Playwright globalSetup: bundles the real-editor fixture pages before any test runs.
// @ts-expect-error -- plain ESM build script without type declarations
import { buildEditorFixtures } from '../../fixtures/editors/build.mjs';

export default async function globalSetup(): Promise<void> {
  await buildEditorFixtures();
}
