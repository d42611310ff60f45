// The extension on a real Lexical rich-text + history page (tests/fixtures/editors/lexical.html).
import { editorSuite } from './editor-suite';

editorSuite({
  editor: 'lexical',
  mergeWindowMs: 300,
});
