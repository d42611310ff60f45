// Options page entry: mounts the settings app.
import { render } from 'preact';
import '@/lib/ui/theme.css';
import './style.css';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
