// The extension on a plain contenteditable page (LinkedIn messaging box, tests/fixtures/editors/contenteditable.html).
import { editorSuite } from './editor-suite';

editorSuite({
  editor: 'contenteditable',
});
