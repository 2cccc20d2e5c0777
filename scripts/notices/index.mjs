// Third-party notices for everything we ship: collect what each build bundles, then write its licences.
export { bundledPackages, packageDirOf } from './bundled.mjs';
export { licenceTexts, thirdPartyNotices } from './notices.mjs';
