import type { SampleArticle } from './content';

/**
 * A ward's news article, as on a Vietnamese government portal (made up: no real person, number or decision),
 * with an English version for the English variants.
 */
export interface GovArticle {
  lang: 'vi' | 'en';
  skip: string;
  portal: string;
  ward: string;
  menuLabel: string;
  menu: string[];
  breadcrumbLabel: string;
  breadcrumb: string[];
  tools: string;
  title: string;
  meta: { updatedLabel: string; updated: string; datetime: string; source: string };
  lead: string;
  body: string[];
  figure: { src: string; alt: string; caption: string };
  resultsHeading: string;
  results: string[];
  closing: string;
  author: string;
  related: SampleArticle[];
  footer: string[];
  fiction: string;
}

const SITE = 'https://phuong-hoa-binh.example/';

export const govArticle = (lang: 'vi' | 'en', related: SampleArticle[]): GovArticle =>
  lang === 'vi'
    ? {
        lang,
        skip: 'Bỏ qua, đến nội dung chính',
        portal: 'Cổng thông tin điện tử',
        ward: 'Phường Hòa Bình',
        menuLabel: 'Danh mục chính',
        menu: ['Trang chủ', 'Giới thiệu', 'Tin tức – Sự kiện', 'Thủ tục hành chính', 'Liên hệ'],
        breadcrumbLabel: 'Vị trí trang',
        breadcrumb: ['Trang chủ', 'Tin tức – Sự kiện', 'Tin hoạt động phường'],
        tools: 'Công cụ hỗ trợ đọc',
        title: 'Phường Hòa Bình ra quân tổng vệ sinh môi trường hưởng ứng “Ngày Chủ nhật xanh”',
        meta: { updatedLabel: 'Cập nhật', updated: '08:30, 23/11/2026', datetime: '2026-11-23T08:30+07:00', source: 'Văn phòng HĐND và UBND phường' },
        lead:
          'Sáng Chủ nhật 23/11, hơn 300 cán bộ, đoàn viên và người dân phường Hòa Bình đã cùng nhau thu gom rác thải, ' +
          'khơi thông cống rãnh và trồng mới 120 cây xanh dọc các tuyến phố chính.',
        body: [
          'Chương trình do Ủy ban nhân dân phường phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam phường, Đoàn Thanh niên ' +
            'và Hội Cựu chiến binh tổ chức, nhằm nâng cao ý thức giữ gìn vệ sinh môi trường của người dân, hướng tới xây ' +
            'dựng khu dân cư “Sáng – Xanh – Sạch – Đẹp”.',
          'Phát biểu tại buổi ra quân, Chủ tịch UBND phường đề nghị các tổ dân phố duy trì tổng vệ sinh vào sáng Chủ nhật ' +
            'cuối mỗi tháng, phân loại rác thải tại nguồn và không để rác, vật liệu xây dựng trên vỉa hè, lòng đường.',
        ],
        figure: {
          src: 'data/images/thumb-trees.svg',
          alt: 'Hai cây xanh mới trồng bên đường dưới trời nắng',
          caption: 'Cây xanh mới trồng trên đường Lê Lợi (ảnh minh họa).',
        },
        resultsHeading: 'Kết quả sau một buổi sáng',
        results: [
          'Thu gom khoảng 12 tấn rác thải và phế thải xây dựng;',
          'Khơi thông 1,5 km cống rãnh tại 6 tổ dân phố;',
          'Trồng mới 120 cây bóng mát và 500 chậu hoa dọc đường Lê Lợi, Trần Phú;',
          'Tháo dỡ 40 biển quảng cáo, rao vặt dán trái phép.',
        ],
        closing:
          'Thời gian tới, phường tiếp tục kiểm tra, nhắc nhở và xử lý các trường hợp vi phạm quy định về vệ sinh môi ' +
          'trường. Mọi phản ánh, kiến nghị xin gửi về Bộ phận Một cửa của phường trong giờ hành chính.',
        author: 'Thu Hà – Văn phòng HĐND và UBND phường',
        related,
        footer: [
          'Cơ quan chủ quản: Ủy ban nhân dân phường Hòa Bình',
          'Địa chỉ: Số 1 đường Lê Lợi, phường Hòa Bình',
          'Ghi rõ nguồn “Cổng thông tin điện tử phường Hòa Bình” khi phát hành lại thông tin từ trang này.',
        ],
        fiction: 'Trang mẫu để thử nghiệm: phường, con số và nhân vật đều là hư cấu.',
      }
    : {
        lang,
        skip: 'Skip to main content',
        portal: 'Official web portal',
        ward: 'Hoa Binh Ward',
        menuLabel: 'Main menu',
        menu: ['Home', 'About the ward', 'News and events', 'Public services', 'Contact'],
        breadcrumbLabel: 'You are here',
        breadcrumb: ['Home', 'News and events', 'Ward activities'],
        tools: 'Reading tools',
        title: 'Hoa Binh ward turns out for a clean-up on “Green Sunday”',
        meta: { updatedLabel: 'Updated', updated: '8:30 AM, November 23, 2026', datetime: '2026-11-23T08:30+07:00', source: 'Office of the Ward People’s Council and Committee' },
        lead:
          'On Sunday morning, November 23, more than 300 officials, youth union members and residents of Hoa Binh ward ' +
          'collected litter, cleared drains and planted 120 new trees along the main streets.',
        body: [
          'The ward People’s Committee organised the day with the ward Fatherland Front, the Youth Union and the Veterans’ ' +
            'Association, to remind everyone to keep the neighbourhood clean, bright and green.',
          'Opening the day, the chairman of the ward People’s Committee asked every residential group to keep a clean-up ' +
            'on the last Sunday of each month, to sort waste at home and to keep litter and building materials off the pavements.',
        ],
        figure: {
          src: 'data/images/thumb-trees.svg',
          alt: 'Two newly planted trees by the road under the sun',
          caption: 'New trees on Le Loi street (illustration).',
        },
        resultsHeading: 'What one morning achieved',
        results: [
          'About 12 tonnes of litter and building waste collected;',
          '1.5 km of drains cleared in 6 residential groups;',
          '120 shade trees and 500 flower pots planted along Le Loi and Tran Phu streets;',
          '40 illegal posters and adverts taken down.',
        ],
        closing:
          'The ward will keep checking the streets and reminding residents of the rules. Comments and requests are welcome ' +
          'at the ward’s one-stop service desk during office hours.',
        author: 'Thu Ha – Office of the Ward People’s Council and Committee',
        related,
        footer: [
          'Published by the People’s Committee of Hoa Binh ward',
          'Address: 1 Le Loi street, Hoa Binh ward',
          'Please credit “Hoa Binh ward web portal” when republishing information from this site.',
        ],
        fiction: 'A sample page for testing: the ward, its figures and people are made up.',
      };

export const siteUrl = (path: string) => `${SITE}${path}`;
