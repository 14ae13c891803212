import { Options } from '../../components/Options';
import { mount } from '../../components/mount';

mount(Options, 'optionsTitle');
