// The extension on a real React 18 controlled textarea page (tests/fixtures/editors/textarea.html).
import { editorSuite } from './editor-suite';

editorSuite({
  editor: 'textarea',
});
