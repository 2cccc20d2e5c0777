/** Text of the read-aloud controls. Visible text is always part of the accessible name (WCAG 2.5.3). */
export const readAloudStrings = {
  vi: {
    region: 'Đọc to',
    play: 'Đọc to',
    pause: 'Tạm dừng',
    resume: 'Đọc tiếp',
    stop: 'Dừng',
    previous: 'Câu trước',
    next: 'Câu sau',
    speed: 'Tốc độ',
    fromHere: 'Đọc từ đây',
    close: 'Đóng',
    loading: 'Đang chuẩn bị giọng đọc…',
    playing: 'Đang đọc.',
    paused: 'Đã tạm dừng.',
    idle: 'Đã dừng.',
    done: 'Đã đọc hết bài.',
    noVoice: (language: string) =>
      `Máy chưa có giọng đọc ${language}. Cách sửa: thêm giọng ${language} trong Cài đặt > Thời gian và ngôn ngữ > Giọng nói (Windows), rồi mở lại trang.`,
    failed: 'Giọng đọc bị lỗi. Bấm "Đọc tiếp" để thử lại.',
  },
  en: {
    region: 'Read aloud',
    play: 'Read aloud',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop',
    previous: 'Previous sentence',
    next: 'Next sentence',
    speed: 'Speed',
    fromHere: 'Read from here',
    close: 'Close',
    loading: 'Getting the voice ready…',
    playing: 'Reading.',
    paused: 'Paused.',
    idle: 'Stopped.',
    done: 'Finished reading.',
    noVoice: (language: string) =>
      `This computer has no ${language} voice. To fix it, add a ${language} voice in Settings > Time & language > Speech (Windows), then reload this page.`,
    failed: 'The voice failed. Press "Resume" to try again.',
  },
} as const;

/** Said when a fallback engine (the extension's built-in voice) reads because the computer has no voice. */
export const builtInStrings = {
  vi: (language: string, voice: string) => `Máy chưa có giọng đọc ${language}, nên đang đọc bằng ${voice}.`,
  en: (language: string, voice: string) => `This computer has no ${language} voice, so ${voice} is reading.`,
} as const;

/**
 * Said when the browser has no speech synthesis at all (none since 2020: the one-file bundle says there is no
 * voice instead, to stay within its budget).
 */
export const noSpeechStrings = {
  vi: 'Trình duyệt này không đọc to được. Hãy dùng Chrome, Edge, Cốc Cốc, Firefox hoặc Safari bản mới.',
  en: 'This browser cannot read aloud. Please use a recent Chrome, Edge, Firefox or Safari.',
} as const;
