// Messages of this area, Simplified Chinese first. Keys are read as `<area>.<key>`.
export default {
  'zh-CN': {},
  en: {},
};
