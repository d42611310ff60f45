// The extension on a real Quill 1.3.7 light-DOM page (tests/fixtures/editors/quill1-light.html).
import { editorSuite } from './editor-suite';

editorSuite({
  editor: 'quill1-light',
  mergeWindowMs: 1000,
});
