import { render } from 'preact';
import '../../ui/theme.css';
import { OptionsApp } from '../../options/OptionsApp.tsx';
import { localizeDocument } from '../../ui/localize-document.ts';

localizeDocument();
render(<OptionsApp />, document.getElementById('app')!);
