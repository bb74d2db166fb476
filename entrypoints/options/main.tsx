import { render } from 'preact';

import { Options } from '@/components/Options';
import '@/components/extension-page.css';

render(<Options />, document.getElementById('app')!);
