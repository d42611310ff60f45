// The extension on a real Quill 1.3.7 page inside a shadow root (LinkedIn post box, tests/fixtures/editors/quill1.html).
import { editorSuite } from './editor-suite';

// Quill 1 ignores its own keyboard bindings in a shadow root, so Ctrl+Z here is native undo; it
// restores the whole-sentence rewrites the engine makes (strategies.spec.ts has the edge it cannot).
editorSuite({
  editor: 'quill1',
  mergeWindowMs: 1000,
});
