// The extension on a real ProseMirror + history (LinkedIn comment box) page (tests/fixtures/editors/prosemirror.html).
import { editorSuite } from './editor-suite';

editorSuite({
  editor: 'prosemirror',
});
