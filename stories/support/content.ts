/**
 * Sample text for the stories, modelled on ward news (made up: no real person or decision). Vietnamese first,
 * with an English version so the English variants read naturally too.
 */
export const articleText = (lang: 'vi' | 'en') =>
  lang === 'vi'
    ? {
        title: 'Phường Hòa Bình ra quân tổng vệ sinh môi trường hưởng ứng Ngày Chủ nhật xanh',
        lead:
          'Sáng Chủ nhật, hơn 300 cán bộ, đoàn viên và người dân phường Hòa Bình đã cùng nhau thu gom rác thải, ' +
          'khơi thông cống rãnh và trồng mới 120 cây xanh dọc các tuyến phố chính.',
        outside: 'Phần này nằm ngoài bài viết nên giữ nguyên cỡ chữ.',
        link: 'Xem thêm: Kế hoạch bảo vệ môi trường năm 2026',
      }
    : {
        title: 'Hoa Binh ward turns out for a clean-up on Green Sunday',
        lead:
          'On Sunday morning more than 300 officials, youth union members and residents of Hoa Binh ward collected ' +
          'litter, cleared drains and planted 120 new trees along the main streets.',
        outside: 'This text is outside the article, so its size does not change.',
        link: 'See also: the 2026 environmental protection plan',
      };

export interface SampleArticle {
  title: string;
  url: string;
  date?: string;
  image?: string;
  imageAlt?: string;
}

const SITE = 'https://phuong-hoa-binh.example/tin-tuc/';

/** Related ward news, newest first. URLs use the reserved `.example` domain: they lead nowhere. */
export const relatedItems = (lang: 'vi' | 'en'): SampleArticle[] => {
  const vi = lang === 'vi';
  return [
    {
      title: vi
        ? 'Tiếp xúc cử tri trước kỳ họp thứ 10 Hội đồng nhân dân thành phố'
        : 'Meeting with voters before the 10th session of the city People’s Council',
      url: `${SITE}tiep-xuc-cu-tri-ky-hop-thu-10.html`,
      date: '2026-11-20',
    },
    {
      title: vi ? 'Lịch tiếp công dân của Chủ tịch UBND phường tháng 12/2026' : 'Ward chairman’s citizen reception schedule for December 2026',
      url: `${SITE}lich-tiep-cong-dan-thang-12-2026.html`,
      date: '2026-11-18',
    },
    {
      title: vi
        ? 'Hướng dẫn đăng ký thường trú trực tuyến trên Cổng Dịch vụ công quốc gia'
        : 'How to register permanent residence online on the National Public Service Portal',
      url: `${SITE}huong-dan-dang-ky-thuong-tru-truc-tuyen.html`,
      date: '2026-11-15',
    },
    {
      title: vi ? 'Tiêm vắc-xin sởi miễn phí cho trẻ em dưới 5 tuổi tại Trạm Y tế phường' : 'Free measles vaccination for children under 5 at the ward health station',
      url: `${SITE}tiem-vac-xin-soi-tre-duoi-5-tuoi.html`,
      date: '2026-11-10',
    },
    {
      title: vi ? 'Trao 50 suất quà cho hộ nghèo, hộ cận nghèo nhân dịp cuối năm' : 'Fifty year-end gift packages for poor and near-poor households',
      url: `${SITE}trao-qua-ho-ngheo-cuoi-nam.html`,
      date: '2026-11-05',
    },
  ];
};

/** The same news with thumbnails: two described, one decorative (its title already names the link). */
export const relatedWithImages = (lang: 'vi' | 'en', images: { trees: string; meeting: string; clinic: string }): SampleArticle[] => {
  const [meeting, , , clinic, gifts] = relatedItems(lang);
  const vi = lang === 'vi';
  return [
    { ...meeting!, image: images.meeting, imageAlt: vi ? 'Hội trường UBND phường với băng rôn đỏ' : 'The ward hall with a red banner' },
    { ...clinic!, image: images.clinic, imageAlt: vi ? 'Trạm Y tế phường' : 'The ward health station' },
    { ...gifts!, image: images.trees },
  ];
};

/** A feed far longer than any page shows: the component validates only the first `max`. */
export const longFeed = (lang: 'vi' | 'en', length: number): SampleArticle[] =>
  Array.from({ length }, (_, i) => ({
    title: lang === 'vi' ? `Bản tin hoạt động phường số ${length - i}` : `Ward activity bulletin no. ${length - i}`,
    url: `${SITE}ban-tin-so-${length - i}.html`,
  }));
