// Chrome's offscreen document: the one place an MV3 extension may play sound. It hosts the built-in voice.
import { hostBuiltInVoice } from '../../lib/builtin-voice/host';

hostBuiltInVoice();
