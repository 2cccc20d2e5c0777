import nukeviet from '../fixtures/gov-pages/nukeviet45-default-news-detail.html?raw';
import sharepoint from '../fixtures/gov-pages/sharepoint2013-mic-news-detail.html?raw';
import vhv from '../fixtures/gov-pages/vhv-portal-article.html?raw';
import dynamic from '../fixtures/retrofit/dynamic.html?raw';
import important from '../fixtures/retrofit/important.html?raw';
import inlinePx from '../fixtures/retrofit/inline-px.html?raw';
import large from '../fixtures/retrofit/large-nukeviet.html?raw';
import unknownArticle from '../fixtures/retrofit/unknown-article.html?raw';
import divSoup from '../fixtures/retrofit/unknown-divsoup.html?raw';

/** What the engine must find on each test page. */
export interface PageCase {
  name: string;
  html: string;
  platform: string;
  title: string;
  /** The body's text starts (platform adapters) or contains (generic) this. */
  bodyStart: string;
  bodyEnd: string;
  byline: string;
  published: string;
  /** Whether the body's text must start/end exactly with the strings (platform adapters know the body box). */
  exact: boolean;
  /** Selectors of clutter that must step aside with hideClutter. */
  clutter: string[];
  /** Selectors that must stay visible with hideClutter (besides title, body, images, captions, byline). */
  keep: string[];
  /** Selectors of the site's own font/contrast tools, hidden while the engine is active. */
  legacy: string[];
}

const VHV = {
  platform: 'vhv',
  title: 'Đảng uỷ phường Duy Tân tổ chức Tọa đàm kỷ niệm 95 năm Ngày truyền thống công tác Dân vận của Đảng',
  bodyStart: 'Dự Tọa đàm có đồng chí Nguyễn Văn Hùng',
  bodyEnd: 'Tin, ảnh: Mai Phương',
  byline: 'Mai Phương',
  published: '2024-10-16T09:12',
  exact: true,
  clutter: ['.col-right', '.social-connect'],
  keep: ['.brief'],
  legacy: ['a.custom-font'],
};
const NUKEVIET = {
  platform: 'nukeviet',
  title: 'Đảng ủy phường Hòa Bình tổ chức Hội nghị sơ kết công tác 9 tháng năm 2024',
  bodyStart: 'Tham dự Hội nghị có các đồng chí',
  bodyEnd: 'nhiệm kỳ 2025 - 2030.',
  byline: 'Thu Hà',
  published: '2024-10-10T16:05',
  exact: true,
  clutter: ['.col-sm-8.col-md-6', '.counter'],
  keep: ['.other-news', 'figure', 'figcaption', '.hometext'],
  legacy: [],
};
const SHAREPOINT = {
  platform: 'sharepoint',
  title: 'Bộ trưởng làm việc với Sở Thông tin và Truyền thông các tỉnh miền Trung',
  bodyStart: 'Tham dự buổi làm việc có đại diện',
  bodyEnd: 'trong quá trình chuyển đổi số.',
  byline: 'Minh Đức',
  published: '2024-10-16T09:30',
  exact: true,
  clutter: ['.sidebar-top'],
  keep: ['#divArticleDescription'],
  legacy: ['#tangtuongphan', 'a[href*="fontPlus"]'],
};

export const SAMPLES: PageCase[] = [
  { name: 'vhv', html: vhv, ...VHV },
  { name: 'nukeviet', html: nukeviet, ...NUKEVIET },
  { name: 'sharepoint', html: sharepoint, ...SHAREPOINT },
];

export const DERIVED: PageCase[] = [
  { name: 'large-nukeviet', html: large, ...NUKEVIET },
  { name: 'inline-px', html: inlinePx, ...VHV },
  { name: 'important', html: important, ...SHAREPOINT },
  { name: 'dynamic', html: dynamic, ...VHV },
  {
    name: 'unknown-article',
    html: unknownArticle,
    platform: 'generic',
    title: 'Phường An Khánh ra mắt mô hình "Tổ dân phố số"',
    bodyStart: 'Sáng 11/10, UBND phường An Khánh',
    bodyEnd: 'góp phần thực hiện chuyển đổi số ở cơ sở.',
    byline: 'Lê Văn Minh',
    published: '2025-10-12T08:15',
    exact: false,
    clutter: ['aside', '.sharebar'],
    keep: ['.pic'],
    legacy: [],
  },
  {
    name: 'unknown-divsoup',
    html: divSoup,
    platform: 'generic',
    title: 'Thông báo lịch cắt điện tuần từ 10/11 đến 16/11/2025',
    bodyStart: 'Công ty Điện lực thông báo',
    bodyEnd: 'Người viết: Trần Thị Hoa',
    byline: 'Trần Thị Hoa',
    published: '2025-11-08T14:30',
    exact: false,
    clutter: ['.q5', '.q7', '.qe'],
    keep: [],
    legacy: [],
  },
];

export const ALL = [...SAMPLES, ...DERIVED];
