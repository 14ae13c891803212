import { Popup } from '../../components/Popup';
import { mount } from '../../components/mount';

mount(Popup, 'extShortName');
