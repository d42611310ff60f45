// The extension on a real Quill 2.0.3 page (tests/fixtures/editors/quill2.html).
import { editorSuite } from './editor-suite';

editorSuite({
  editor: 'quill2',
  mergeWindowMs: 1000,
});
