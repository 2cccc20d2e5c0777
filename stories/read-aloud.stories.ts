import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { configureReadAloud, readAloud, readAloudOf, type ReadAloudOptions } from '../packages/retrofit/src/index';
import { english, expectWarnings } from './support/helpers';
import { storySpeech, voice } from './support/speech';

/**
 * The read-aloud bar as the reader sees it at the bottom of a government article: reading, paused, with no
 * Vietnamese voice on the computer, reading with the extension's built-in voice, and after every voice failed.
 * The article is Vietnamese in both languages (the English variants are an English-speaking reader on a
 * Vietnamese portal); the bar follows the page's language.
 */
interface BarArgs {
  /** What the story does after the bar opens. */
  then?: 'pause';
}

type Story = StoryObj<BarArgs>;

const BUILT_IN = { vi: 'Giọng có sẵn của tiện ích (miền Bắc)', en: "The extension's own voice (Northern)" };

/**
 * Opens the bar on the story's page in the story's language (on its own the engine picks Vietnamese controls
 * for a Vietnamese article); returns its shadow root.
 */
function open(globals: Record<string, unknown>, options: ReadAloudOptions): ShadowRoot {
  const session = readAloud(document, { extract: { timeLimit: 2000 }, lang: globals.lang === 'en' ? 'en' : 'vi', ...options });
  if (!session) throw new Error('read-aloud found no article in the story');
  return session.root;
}

const status = (root: ShadowRoot) => root.querySelector('[role="status"]')!.textContent;
const buttonNames = (root: ShadowRoot) => [...root.querySelectorAll('button')].map((b) => b.textContent!.trim());

const meta: Meta<BarArgs> = {
  title: 'Pages/Read-aloud bar',
  // The story brings its own page: a Vietnamese article, whatever the language of the bar.
  parameters: { frame: 'bare', docs: { story: { height: '520px' } } },
  // Each story opens its own bar; the next one starts from a page without it.
  beforeEach: () => () => readAloudOf(document)?.close(),
  render: () => html`
    <main style="max-width:60ch;margin:0 auto;padding:1rem 1rem 12rem;font:18px/1.6 'Noto Sans',Arial,sans-serif">
      <article lang="vi">
      <h1>Phường Duy Tân tổ chức Tọa đàm kỷ niệm Ngày truyền thống công tác Dân vận</h1>
      <p>Sáng 15/10, tại Hội trường UBND phường, Đảng ủy phường Duy Tân tổ chức Tọa đàm kỷ niệm 95 năm Ngày truyền thống công tác Dân vận của Đảng (15/10/1930 – 15/10/2025).</p>
      <p>Dự Tọa đàm có đồng chí Nguyễn Văn Hùng, Phó Trưởng ban Dân vận Quận ủy, cùng đại diện lãnh đạo HĐND, UBND và Ủy ban MTTQ phường.</p>
      <p>Tại Tọa đàm, các đại biểu đã ôn lại truyền thống vẻ vang của công tác dân vận và đánh giá kết quả 25 năm thực hiện phong trào thi đua “Dân vận khéo”.</p>
      <p>Phát biểu kết luận, đồng chí Bí thư Đảng ủy phường đề nghị các chi bộ, đoàn thể tiếp tục đổi mới nội dung, phương thức công tác dân vận, gần dân, sát dân, lắng nghe ý kiến của Nhân dân.</p>
      </article>
    </main>
  `,
};
export default meta;

export const Playing: Story = {
  play: async ({ globals }) => {
    const root = open(globals, { speech: storySpeech([voice('Microsoft An - Vietnamese (Vietnam)'), voice('Google US English', 'en-US')]) });
    const vi = globals.lang !== 'en';
    await waitFor(() => expect(status(root)).toBe(vi ? 'Đang đọc.' : 'Reading.'));
    expect(buttonNames(root)).toEqual(vi ? ['Tạm dừng', 'Dừng', 'Câu trước', 'Câu sau', 'Đóng'] : ['Pause', 'Stop', 'Previous sentence', 'Next sentence', 'Close']);
    // Every icon is SVG, none a font glyph.
    expect(root.querySelectorAll('button svg[aria-hidden="true"]').length).toBe(5);
  },
};

export const Paused: Story = {
  play: async ({ globals }) => {
    const root = open(globals, { speech: storySpeech([voice('Microsoft An - Vietnamese (Vietnam)')]) });
    const vi = globals.lang !== 'en';
    await waitFor(() => expect(status(root)).toBe(vi ? 'Đang đọc.' : 'Reading.'));
    readAloudOf(document)!.speaker.pause();
    await waitFor(() => expect(status(root)).toBe(vi ? 'Đã tạm dừng.' : 'Paused.'));
    expect(buttonNames(root)[0]).toBe(vi ? 'Đọc tiếp' : 'Resume');
  },
};

export const NoVoice: Story = {
  play: async ({ globals }) => {
    const root = open(globals, { speech: storySpeech([voice('Google US English', 'en-US')]) });
    const vi = globals.lang !== 'en';
    await waitFor(() => expect(status(root)).toContain(vi ? 'Máy chưa có giọng đọc tiếng Việt. Cách sửa:' : 'This computer has no Vietnamese voice. To fix it'));
    // Two lines at most at this width: the message does not cover the article.
    const bar = root.querySelector('section')!.getBoundingClientRect();
    expect(bar.height).toBeLessThan(window.innerHeight / 3);
  },
};

export const BuiltInVoice: Story = {
  play: async ({ globals }) => {
    const vi = globals.lang !== 'en';
    configureReadAloud(document, { speech: [storySpeech([voice(BUILT_IN[vi ? 'vi' : 'en'])], { fallback: true })] });
    try {
      const root = open(globals, { speech: storySpeech([voice('Google US English', 'en-US')]) });
      await waitFor(() =>
        expect(status(root)).toBe(
          vi
            ? 'Máy chưa có giọng đọc tiếng Việt, nên đang đọc bằng giọng có sẵn của tiện ích (miền Bắc). Đang đọc.'
            : "This computer has no Vietnamese voice, so the extension's own voice (Northern) is reading. Reading.",
        ),
      );
      const select = [...root.querySelectorAll('label')].find((l) => /Giọng đọc|Voice/.test(l.textContent!))!.querySelector('select')!;
      expect(select.selectedOptions[0]!.text).toBe(BUILT_IN[vi ? 'vi' : 'en']);
    } finally {
      configureReadAloud(document, {});
    }
  },
};

export const VoiceError: Story = {
  beforeEach: expectWarnings,
  play: async ({ globals }) => {
    const root = open(globals, { speech: storySpeech([voice('Microsoft An - Vietnamese (Vietnam)'), voice('Linh')], { failing: 'synthesis-failed' }) });
    const vi = globals.lang !== 'en';
    await waitFor(() => expect(status(root)).toBe(vi ? 'Giọng đọc bị lỗi. Bấm "Đọc tiếp" để thử lại.' : 'The voice failed. Press "Resume" to try again.'));
    expect(buttonNames(root)[0]).toBe(vi ? 'Đọc tiếp' : 'Resume');
    // Each failing voice is said in the console for whoever looks into it.
    expect(console.warn).toHaveBeenCalledWith('Accessible Reader: the voice "Linh" failed (synthesis-failed); trying the next one.');
  },
};

export const PlayingEnglish: Story = english(Playing);
export const PausedEnglish: Story = english(Paused);
export const NoVoiceEnglish: Story = english(NoVoice);
export const BuiltInVoiceEnglish: Story = english(BuiltInVoice);
export const VoiceErrorEnglish: Story = english(VoiceError);
